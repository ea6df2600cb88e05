package dev.boulevard.eventstore;

import dev.boulevard.BoulevardException;
import org.jspecify.annotations.Nullable;

/** A failure of an event store, such as a lost connection or an event that cannot be read. */
public class EventStoreException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the aggregate and playhead where known
   */
  protected EventStoreException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the aggregate and playhead where known
   * @param cause the underlying failure
   */
  protected EventStoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports a failure of the store's storage while working on an aggregate.
   *
   * @param operation what the store was doing, such as "append"
   * @param aggregateId the aggregate concerned
   * @param cause the underlying failure
   * @return the exception
   */
  public static EventStoreException dueTo(String operation, String aggregateId, Throwable cause) {
    return new EventStoreException(
        "Could not " + operation + " the events of aggregate '" + aggregateId + "': " + cause,
        cause);
  }

  /**
   * Reports a failure of the store's storage in work that concerns no single aggregate.
   *
   * @param operation what the store was doing, such as "read the global log of table events"
   * @param cause the underlying failure
   * @return the exception
   */
  public static EventStoreException storageFailure(String operation, Throwable cause) {
    return new EventStoreException("Could not " + operation + ": " + cause, cause);
  }

  /**
   * Reports a stored event that cannot be read back, such as a corrupt payload or a type name that
   * no class is registered under.
   *
   * @param aggregateId the aggregate the event belongs to
   * @param playhead the event's playhead
   * @param typeName the event's stored type name
   * @param cause why it cannot be read
   * @return the exception
   */
  public static EventStoreException unreadableEvent(
      String aggregateId, long playhead, String typeName, Throwable cause) {
    return new EventStoreException(
        "Cannot read the event at playhead "
            + playhead
            + " of aggregate '"
            + aggregateId
            + "', stored as type '"
            + typeName
            + "': "
            + cause.getMessage(),
        cause);
  }
}
