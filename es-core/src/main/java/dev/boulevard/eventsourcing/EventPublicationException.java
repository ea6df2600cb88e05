package dev.boulevard.eventsourcing;

import dev.boulevard.BoulevardException;
import dev.boulevard.domain.DomainEventStream;

/**
 * Thrown when saved events were stored, but publishing them on the event bus failed: they must not
 * be saved again.
 */
public final class EventPublicationException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private EventPublicationException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@return the exception for stored events whose publication failed}
   *
   * @param aggregateType the aggregate's class
   * @param aggregateId the aggregate's id
   * @param stored the events that were stored, not empty
   * @param cause what publishing them threw
   */
  static EventPublicationException afterStoring(
      Class<?> aggregateType, String aggregateId, DomainEventStream stored, Throwable cause) {
    long first = stored.messages().get(0).playhead();
    long last = stored.messages().get(stored.size() - 1).playhead();
    return new EventPublicationException(
        "The events of "
            + aggregateType.getSimpleName()
            + " '"
            + aggregateId
            + "' at playheads "
            + first
            + " to "
            + last
            + " ARE stored, but publishing them on the event bus failed; do not save them"
            + " again: "
            + cause,
        cause);
  }
}
