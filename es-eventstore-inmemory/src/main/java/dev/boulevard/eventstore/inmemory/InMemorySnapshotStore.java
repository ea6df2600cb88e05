package dev.boulevard.eventstore.inmemory;

import dev.boulevard.domain.AggregateIds;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.StoredSnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A snapshot store that keeps the latest snapshot of each aggregate in memory, as the value it was
 * given: the state must be immutable.
 *
 * <p>Reading a state checks its class, and a snapshot of another state format version is ignored by
 * the repository before its state is read, as with every store. Thread-safe: of two snapshots of
 * one aggregate saved at once, the one with the higher playhead stays.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

  private final Map<String, Snapshot<?>> latest = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemorySnapshotStore() {}

  @Override
  public Optional<StoredSnapshot> latest(String aggregateId) {
    AggregateIds.requireValid(aggregateId);
    return Optional.ofNullable(latest.get(aggregateId)).map(StoredSnapshot::of);
  }

  @Override
  public void save(Snapshot<?> snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    latest.merge(
        snapshot.aggregateId(),
        snapshot,
        (stored, saved) -> saved.playhead() >= stored.playhead() ? saved : stored);
  }
}
