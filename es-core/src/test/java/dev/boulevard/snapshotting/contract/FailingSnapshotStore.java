package dev.boulevard.snapshotting.contract;

import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.StoredSnapshot;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A snapshot store whose saves fail, and that counts them; it reads from another store. */
final class FailingSnapshotStore implements SnapshotStore {

  private final SnapshotStore reads;
  private final AtomicInteger attempts = new AtomicInteger();

  FailingSnapshotStore(SnapshotStore reads) {
    this.reads = reads;
  }

  @Override
  public Optional<StoredSnapshot> latest(String aggregateId) {
    return reads.latest(aggregateId);
  }

  @Override
  public void save(Snapshot<?> snapshot) {
    attempts.incrementAndGet();
    throw new IllegalStateException("the snapshot store is down");
  }

  int attempts() {
    return attempts.get();
  }
}
