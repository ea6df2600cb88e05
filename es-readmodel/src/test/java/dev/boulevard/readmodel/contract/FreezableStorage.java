package dev.boulevard.readmodel.contract;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A storage whose projection store one runner uses as if its process froze: while frozen, its
 * leases and membership go unrenewed, as in a long GC pause or a stopped VM. It records what the
 * runner's store did, so that a test can tell whether a runner wrote after it lost its lease.
 * Thread-safe.
 */
final class FreezableStorage implements ReadModelStorage {

  private final ReadModelStorage storage;
  private volatile CountDownLatch thaw = new CountDownLatch(0);
  final List<String> moves =
      new CopyOnWriteArrayList<>(); // "advance" and "claim <epoch>", in order
  final AtomicInteger leaseChecks = new AtomicInteger();

  FreezableStorage(ReadModelStorage storage) {
    this.storage = storage;
  }

  /** Freezes the runner's lease keeping until {@link #thaw}. */
  void freeze() {
    thaw = new CountDownLatch(1);
  }

  /** Lets the runner go on. */
  void thaw() {
    thaw.countDown();
  }

  /** {@return whether it is frozen} */
  boolean frozen() {
    return thaw.getCount() > 0;
  }

  /** Waits while frozen. */
  void awaitThaw() {
    try {
      thaw.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public <T extends ReadModel> ReadModelRepository<T> repository(String name, Class<T> type) {
    return storage.repository(name, type);
  }

  @Override
  public void drop(String name) {
    storage.drop(name);
  }

  @Override
  public <R> R inTransaction(Supplier<R> work) {
    return storage.inTransaction(work);
  }

  @Override
  public boolean isTransactional() {
    return storage.isTransactional();
  }

  @Override
  public ProjectionStore projectionStore(String name) {
    return new Store(storage.projectionStore(name));
  }

  @Override
  public Outbox outbox(String name) {
    return storage.outbox(name);
  }

  @Override
  public boolean isDurable() {
    return storage.isDurable();
  }

  @Override
  public boolean isTransient(Throwable failure) {
    return storage.isTransient(failure);
  }

  /** The runner's projection store: lease keeping waits while frozen; moves are recorded. */
  private final class Store implements ProjectionStore {
    private final ProjectionStore store;

    Store(ProjectionStore store) {
      this.store = store;
    }

    @Override
    public List<Generation> load(String projection) {
      return store.load(projection);
    }

    @Override
    public void createIfAbsent(String projection, int generation, boolean live) {
      store.createIfAbsent(projection, generation, live);
    }

    @Override
    public boolean advance(
        String projection, int generation, Checkpoint expected, Checkpoint next) {
      boolean moved = store.advance(projection, generation, expected, next);
      if (moved) {
        moves.add("advance");
      }
      return moved;
    }

    @Override
    public void park(String projection, int generation, ParkedEvent parked) {
      store.park(projection, generation, parked);
    }

    @Override
    public void promote(String projection, int generation, int retired) {
      store.promote(projection, generation, retired);
    }

    @Override
    public void delete(String projection, int generation) {
      store.delete(projection, generation);
    }

    @Override
    public void record(ProjectionDecision decision) {
      store.record(decision);
    }

    @Override
    public List<ProjectionDecision> decisions(String projection) {
      return store.decisions(projection);
    }

    @Override
    public Optional<Lease> claim(String projection, String owner, Duration leaseTime) {
      awaitThaw();
      Optional<Lease> taken = store.claim(projection, owner, leaseTime);
      taken.ifPresent(lease -> moves.add("claim " + lease.epoch()));
      return taken;
    }

    @Override
    public boolean renew(Lease lease, Duration leaseTime) {
      awaitThaw();
      return store.renew(lease, leaseTime);
    }

    @Override
    public void release(Lease lease) {
      awaitThaw();
      store.release(lease);
    }

    @Override
    public boolean holds(Lease lease) {
      leaseChecks.incrementAndGet();
      return store.holds(lease);
    }

    @Override
    public List<LeaseState> leases() {
      return store.leases();
    }

    @Override
    public void heartbeat(String group, String owner, Duration leaseTime) {
      awaitThaw();
      store.heartbeat(group, owner, leaseTime);
    }

    @Override
    public List<String> members(String group) {
      awaitThaw();
      return store.members(group);
    }

    @Override
    public void leave(String group, String owner) {
      store.leave(group, owner);
    }
  }
}
