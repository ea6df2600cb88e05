package dev.boulevard.snapshotting;

import dev.boulevard.eventstore.EventStore;

/**
 * A snapshot store that reads an aggregate's latest snapshot together with the events after it, in
 * one round trip to its storage.
 *
 * <p>A {@link SnapshottingRepository} uses it when its event store is the very one this store reads
 * events from, and otherwise asks the snapshot store and the event store in turn.
 */
public interface TailLoadingSnapshotStore extends SnapshotStore {

  /** {@return the event store whose events this store reads} */
  EventStore eventStore();

  /**
   * Loads the latest snapshot of an aggregate and the events after it, or all its events if it has
   * no snapshot.
   *
   * @param aggregateId the aggregate's id
   * @return what was found
   */
  LoadedHistory loadWithTail(String aggregateId);
}
