package dev.boulevard.snapshotting;

import java.util.Optional;

/**
 * Keeps the latest snapshot of each aggregate.
 *
 * <p>Of two snapshots of one aggregate, the store keeps the one with the higher playhead; a
 * snapshot at the same playhead replaces the stored one, so that one of a new state format version
 * can take the place of an old one. Every implementation passes the {@code SnapshotStoreContract}
 * suite of es-core's test-jar.
 */
public interface SnapshotStore {

  /**
   * Finds the latest snapshot of an aggregate.
   *
   * @param aggregateId the aggregate's id
   * @return the snapshot, with its state still unread, or empty if there is none
   */
  Optional<StoredSnapshot> latest(String aggregateId);

  /**
   * Stores a snapshot, unless the store holds one of the same aggregate at a higher playhead.
   *
   * @param snapshot the snapshot
   */
  void save(Snapshot<?> snapshot);
}
