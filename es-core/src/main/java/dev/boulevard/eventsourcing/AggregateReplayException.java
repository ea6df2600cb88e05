package dev.boulevard.eventsourcing;

import dev.boulevard.BoulevardException;
import dev.boulevard.domain.DomainMessage;
import org.jspecify.annotations.Nullable;

/** Thrown when an aggregate cannot be rebuilt from a stored event. */
public final class AggregateReplayException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private AggregateReplayException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  static AggregateReplayException unexpectedPlayhead(
      Class<?> aggregateType, DomainMessage message, long expected) {
    return new AggregateReplayException(
        describe(aggregateType, message) + " is out of order: expected playhead " + expected, null);
  }

  static AggregateReplayException unexpectedType(
      Class<?> aggregateType, DomainMessage message, Class<?> eventType) {
    return new AggregateReplayException(
        describe(aggregateType, message) + " is not a " + eventType.getName(), null);
  }

  static AggregateReplayException dueTo(
      Class<?> aggregateType, DomainMessage message, RuntimeException cause) {
    return new AggregateReplayException(
        describe(aggregateType, message) + " could not be applied: " + cause, cause);
  }

  private static String describe(Class<?> aggregateType, DomainMessage message) {
    return "Event "
        + message.payloadType().getName()
        + " at playhead "
        + message.playhead()
        + " of "
        + aggregateType.getSimpleName()
        + " '"
        + message.aggregateId()
        + "'";
  }
}
