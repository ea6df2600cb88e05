package dev.boulevard.snapshotting;

/**
 * An aggregate that can be snapshotted: it gives its state as one value, and its {@link
 * SnapshotFormat} recreates it from that value.
 *
 * @param <S> the type of the state, an immutable value such as a record
 */
public interface Snapshottable<S> {

  /**
   * {@return the aggregate's whole state as an immutable value, from which its snapshot format
   * recreates it}
   */
  S snapshotState();
}
