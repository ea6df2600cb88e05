package dev.boulevard.eventstore;

/** Thrown when a stream to append is malformed; nothing of it is stored. */
public final class InvalidEventStreamException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private InvalidEventStreamException(String message) {
    super(message);
  }

  /** {@return the exception for a message that belongs to another aggregate than the stream's} */
  public static InvalidEventStreamException foreignMessage(
      String aggregateId, String messageAggregateId, long playhead) {
    return new InvalidEventStreamException(
        "Cannot append to aggregate '"
            + aggregateId
            + "' the event at playhead "
            + playhead
            + " of aggregate '"
            + messageAggregateId
            + "'");
  }

  /** {@return the exception for playheads that do not follow each other without gaps} */
  public static InvalidEventStreamException playheadOutOfOrder(
      String aggregateId, long expected, long actual) {
    return new InvalidEventStreamException(
        "Playheads of aggregate '"
            + aggregateId
            + "' must follow each other without gaps: expected "
            + expected
            + ", found "
            + actual);
  }

  /**
   * {@return the exception for a stream whose first playhead leaves a gap after the stored ones}
   */
  public static InvalidEventStreamException doesNotContinue(
      String aggregateId, long expected, long actual) {
    return new InvalidEventStreamException(
        "An append to aggregate '"
            + aggregateId
            + "' must continue its stored stream: expected playhead "
            + expected
            + ", found "
            + actual);
  }
}
