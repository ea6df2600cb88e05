package dev.boulevard.snapshotting;

import java.util.Objects;

/**
 * A snapshot as a store found it: its place and version are known, and its state is read only on
 * demand, as the class the caller names, so that a state of another version is never read at all.
 */
public interface StoredSnapshot {

  /** {@return the aggregate's id} */
  String aggregateId();

  /** {@return the playhead of the last event the state takes into account} */
  long playhead();

  /** {@return the version of the state's format the snapshot was taken in} */
  int version();

  /**
   * Reads the state as the given class; a store never takes the class from its stored data.
   *
   * @param stateType the class of the state, from the aggregate's {@link SnapshotFormat}
   * @param <S> the state's type
   * @return the snapshot with its state
   * @throws UnreadableSnapshotException if the stored state is not, or no longer reads as, that
   *     class
   */
  <S> Snapshot<S> read(Class<S> stateType);

  /**
   * {@return a stored snapshot that holds its state as a value, for stores that keep values}
   *
   * @param snapshot the snapshot as it was saved
   */
  static StoredSnapshot of(Snapshot<?> snapshot) {
    return new StoredValue(Objects.requireNonNull(snapshot, "snapshot"));
  }
}
