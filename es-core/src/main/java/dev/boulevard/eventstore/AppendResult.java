package dev.boulevard.eventstore;

import java.util.Objects;

/**
 * What one append stored: the aggregate, the playhead of its last new event, and where that event
 * stands in the global log, so that a caller can wait for readers of the log to take it in.
 *
 * <p>An append of an empty stream stores nothing and returns {@link #nothing(String)}: last
 * playhead -1 and {@link Checkpoint#beginning()}, whose position 0 every reader has passed.
 *
 * @param aggregateId the aggregate's id
 * @param lastPlayhead the playhead of the last event stored, -1 if the append stored none
 * @param checkpoint the checkpoint of the last event stored in the global log, the beginning if the
 *     append stored none
 */
public record AppendResult(String aggregateId, long lastPlayhead, Checkpoint checkpoint) {

  /** Rejects nulls, a playhead below -1, and a stored event without a position. */
  public AppendResult {
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (lastPlayhead < -1 || (lastPlayhead >= 0) == (checkpoint.position() == 0)) {
      throw new IllegalArgumentException(
          "An append of aggregate '"
              + aggregateId
              + "' that stored events up to playhead "
              + lastPlayhead
              + " cannot have position "
              + checkpoint.position());
    }
  }

  /** {@return the result of an append that stored nothing, for the given aggregate} */
  public static AppendResult nothing(String aggregateId) {
    return new AppendResult(aggregateId, -1, Checkpoint.beginning());
  }

  /**
   * {@return the global position of the last event stored, a number users can compare and wait for;
   * 0 if the append stored nothing}
   */
  public long position() {
    return checkpoint.position();
  }

  /** {@return whether the append stored no event} */
  public boolean isEmpty() {
    return lastPlayhead < 0;
  }
}
