package dev.boulevard.eventstore;

import org.jspecify.annotations.Nullable;

/**
 * The optimistic concurrency failure: an append tried to store a playhead that another writer
 * stored first, so nothing of that append was stored.
 *
 * <p>The usual answer is to load the aggregate again and retry the command.
 */
public final class DuplicatePlayheadException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final String aggregateId;
  private final long playhead;

  private DuplicatePlayheadException(String aggregateId, long playhead, @Nullable Throwable cause) {
    super(
        "Playhead "
            + playhead
            + " of aggregate '"
            + aggregateId
            + "' is already stored (another writer appended it first, or this append is a retry);"
            + " nothing of this append was stored",
        cause);
    this.aggregateId = aggregateId;
    this.playhead = playhead;
  }

  /** {@return the exception for a playhead of an aggregate that is already stored} */
  public static DuplicatePlayheadException forPlayhead(String aggregateId, long playhead) {
    return new DuplicatePlayheadException(aggregateId, playhead, null);
  }

  /**
   * Creates the exception for a playhead that the storage refused as a duplicate.
   *
   * @param aggregateId the aggregate concerned
   * @param playhead the playhead that was already taken, or the first of the append if unknown
   * @param cause the storage's own failure, such as a unique-constraint violation
   * @return the exception
   */
  public static DuplicatePlayheadException dueTo(
      String aggregateId, long playhead, Throwable cause) {
    return new DuplicatePlayheadException(aggregateId, playhead, cause);
  }

  /** {@return the id of the aggregate whose playhead was taken} */
  public String aggregateId() {
    return aggregateId;
  }

  /** {@return the playhead that was already stored} */
  public long playhead() {
    return playhead;
  }
}
