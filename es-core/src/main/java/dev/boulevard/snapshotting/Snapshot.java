package dev.boulevard.snapshotting;

import dev.boulevard.domain.AggregateIds;
import java.util.Objects;

/**
 * An aggregate's state after the event at a playhead, in the format of a version.
 *
 * @param aggregateId the aggregate's id
 * @param playhead the playhead of the last event the state takes into account, 0 or more
 * @param version the version of the state's format that the aggregate declared when the snapshot
 *     was taken, 0 or more
 * @param state the state, an immutable value such as a record
 * @param <S> the state's type
 */
public record Snapshot<S>(String aggregateId, long playhead, int version, S state) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the id is blank or holds a control character, or the
   *     playhead or version is negative
   */
  public Snapshot {
    AggregateIds.requireValid(aggregateId);
    Objects.requireNonNull(state, "state");
    if (playhead < 0) {
      throw new IllegalArgumentException(
          "The snapshot of aggregate '"
              + aggregateId
              + "' needs a playhead of 0 or more, was "
              + playhead);
    }
    if (version < 0) {
      throw new IllegalArgumentException(
          "The snapshot of aggregate '"
              + aggregateId
              + "' needs a state format version of 0 or more, was "
              + version);
    }
  }
}
