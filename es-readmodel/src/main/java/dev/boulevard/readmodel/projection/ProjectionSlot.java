package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projection of a runner: its live worker, its rebuild if one runs, and the switch from one to
 * the other, while the runner holds the projection's lease; while another runner holds it, what the
 * store says of it. Thread-safe: its own lock guards the switches, workers stop outside it, and the
 * live worker, rebuild, lease and stored view are volatile for readers.
 */
final class ProjectionSlot {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionSlot.class);
  private static final long VIEW_AGE_NANOS = 20_000_000; // how stale a stored view may be read

  final TrackingProjection projection;
  private final String unit;
  private final WorkerSettings settings;
  private final GenerationWorkers generations;
  private final Runnable signal;
  private final Consumer<RebuildProgress> listener;
  private volatile ProjectionWorker live;
  private volatile RunningRebuild rebuild;
  private volatile ProjectionStore.Lease lease; // null unless this runner holds it
  private volatile boolean lost; // a worker found the lease lost
  private volatile StoredView view;
  private volatile boolean started;
  private boolean closed;

  ProjectionSlot(
      TrackingProjection projection,
      Segment segment,
      WorkerSettings settings,
      Runnable signal,
      Consumer<RebuildProgress> listener) {
    this.projection = projection;
    this.unit = projection.unitName(segment.index());
    this.settings = settings;
    this.generations = new GenerationWorkers(projection, unit, segment, settings);
    this.signal = signal;
    this.listener = listener;
  }

  /**
   * {@return the name it keeps its checkpoint and lease under: the projection's, or a segment's}
   */
  String name() {
    return unit;
  }

  /** Records the projection's first generation, unless a runner did before; runs nothing yet. */
  void prepare() {
    if (settings.store().load(name()).isEmpty()) {
      // a new projection; a rebuilt one lives on in a later generation
      settings.store().createIfAbsent(name(), 1, true);
    }
    started = true;
  }

  /** {@return the lease this runner holds on the projection, or null} */
  ProjectionStore.Lease lease() {
    return lease;
  }

  /** {@return whether a worker found the lease lost since it was taken} */
  boolean lost() {
    return lost;
  }

  /**
   * Starts the live generation, and the rebuild that was running when its last holder stopped,
   * under a lease just taken.
   *
   * @return false, starting nothing, if the slot was closed
   */
  synchronized boolean acquire(ProjectionStore.Lease taken) {
    if (closed) {
      return false;
    }
    // read first: if reading fails, no lease is noted, and the next turn takes it again
    List<ProjectionStore.Generation> stored = settings.store().load(name());
    lease = taken;
    lost = false;
    view = null;
    for (ProjectionStore.Generation generation : stored) {
      if (generation.live()) {
        live = startWorker(generation, null);
      }
    }
    for (ProjectionStore.Generation generation : stored) {
      if (!generation.live()) {
        startRebuild(generation);
      }
    }
    LOG.info(
        "Projection {}: runner {} took its lease, epoch {}", name(), taken.owner(), taken.epoch());
    signal.run();
    return true;
  }

  /**
   * Stops running the projection here: its workers are told to stop, without waiting for them, and
   * the lease is handed back to the caller to release; a batch still running fails its lease check
   * once the lease is released, and is rolled back.
   *
   * @return the lease that was held, or null
   */
  synchronized ProjectionStore.Lease relinquish() {
    ProjectionStore.Lease held = lease;
    ProjectionWorker worker = live;
    RunningRebuild running = rebuild;
    lease = null;
    live = null;
    rebuild = null;
    view = null;
    if (worker != null) {
      worker.requestStop();
    }
    if (running != null && running.worker() != null) {
      running.worker().requestStop();
    }
    signal.run();
    return held;
  }

  /** Notes that a worker of the held lease found it lost; the runner's keeper lets it go. */
  synchronized void leaseLost(ProjectionWorker worker) {
    RunningRebuild running = rebuild;
    if (worker == live || (running != null && running.worker() == worker)) {
      lost = true;
    }
  }

  /** Starts a rebuild that another runner asked for, by recording its generation. */
  synchronized void adoptRebuild() {
    if (closed || live == null || rebuild != null) {
      return;
    }
    for (ProjectionStore.Generation generation : settings.store().load(name())) {
      if (!generation.live() && lease != null) {
        LOG.info("Projection {}: starting the rebuild another runner asked for", name());
        startRebuild(generation);
        return;
      }
    }
  }

  private ProjectionWorker startWorker(
      ProjectionStore.Generation generation, RunningRebuild running) {
    ProjectionWorker worker =
        generations.create(generation, lease, new SlotHooks(this, signal, running));
    if (running != null) {
      running.worker(worker);
    }
    worker.start();
    return worker;
  }

  /** {@return whether a rebuilding worker is as fresh as the live generation} */
  boolean levelWithLive(ProjectionWorker rebuilding) {
    ProjectionWorker current = live;
    return current == null || !current.checkpoint().isAfter(rebuilding.checkpoint());
  }

  /**
   * {@return whether another runner runs the projection, so that its state is read from the store}
   */
  boolean isElsewhere() {
    return live == null;
  }

  /** {@return the stored generations, read again if the last read is older than a moment} */
  private StoredView stored() {
    StoredView current = view;
    long now = System.nanoTime();
    if (current == null || now - current.readAt() > VIEW_AGE_NANOS) {
      current = new StoredView(settings.store().load(name()), now);
      view = current;
    }
    return current;
  }

  /**
   * {@return the live generation, whose read models queries read}
   *
   * @throws IllegalStateException if the runner was not started
   */
  int liveGeneration() {
    ProjectionWorker current = live;
    if (current != null) {
      return current.generation;
    }
    if (!started) {
      throw new IllegalStateException("Start the projections before reading their models");
    }
    return stored().live().map(ProjectionStore.Generation::generation).orElse(1);
  }

  /** {@return whether the live generation took in the event at a checkpoint} */
  boolean reached(Checkpoint target) {
    ProjectionWorker current = live;
    if (current != null) {
      return !target.isAfter(current.checkpoint());
    }
    return started && stored().live().map(g -> !target.isAfter(g.checkpoint())).orElse(false);
  }

  /** {@return the event the live generation is parked at, before a checkpoint, undecided} */
  Optional<ParkedEvent> stuckBefore(Checkpoint target) {
    ProjectionWorker current = live;
    if (current != null) {
      return current.park.stuckBefore(target);
    }
    if (!started) {
      return Optional.empty();
    }
    return stored()
        .live()
        .map(ProjectionStore.Generation::parked)
        .filter(parked -> !parked.checkpoint().isAfter(target));
  }

  /**
   * Starts a rebuild: here, if this runner holds the lease; otherwise by recording the new
   * generation, which the runner that holds the lease starts within a renewal of its lease.
   */
  synchronized void rebuild() {
    if (closed || !started) {
      throw new IllegalStateException("Start the projections before rebuilding one");
    }
    if (projection.isSink()) {
      throw new IllegalStateException(
          "Projection "
              + projection.name()
              + " hands its events to a sink and has no read models to rebuild");
    }
    if (projection.segments() > 1) {
      throw new IllegalStateException(
          "Projection "
              + projection.name()
              + " is split into "
              + projection.segments()
              + " segments, and a split projection cannot be rebuilt yet: stop the runners, drop"
              + " its read models and stored state, and start them again");
    }
    if (rebuild != null) {
      throw new IllegalStateException("Projection " + name() + " is already being rebuilt");
    }
    List<ProjectionStore.Generation> stored = settings.store().load(name());
    if (stored.stream().anyMatch(g -> !g.live())) {
      throw new IllegalStateException("Projection " + name() + " is already being rebuilt");
    }
    int generation =
        stored.stream()
                .filter(ProjectionStore.Generation::live)
                .mapToInt(ProjectionStore.Generation::generation)
                .max()
                .orElse(0)
            + 1;
    generations.drop(generation); // what a crash or a reset may have left behind
    settings.store().createIfAbsent(name(), generation, false);
    view = null;
    if (live != null) {
      startRebuild(new ProjectionStore.Generation(generation, false, Checkpoint.beginning(), null));
    } else {
      LOG.info(
          "Projection {}: rebuild recorded; the runner that holds its lease starts it", name());
    }
  }

  private void startRebuild(ProjectionStore.Generation generation) {
    rebuild = new RunningRebuild(name(), settings.log(), listener);
    startWorker(generation, rebuild);
  }

  /** Replaces the live generation with the rebuilt one; called on the rebuild's thread. */
  void promote(RunningRebuild running) {
    ProjectionWorker retired = beginPromotion(running);
    if (retired == null) {
      return;
    }
    try {
      retired.stop(); // outside the lock: the retiring worker finishes its batch first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!switchTo(running, retired)) {
      return; // the rebuild resumes on the next start
    }
    running.finished();
    signal.run();
    // Queries that picked the old generation a moment ago may still be reading it.
    generations.dropLater(retired.generation);
  }

  /** {@return the live worker to retire, or null if this rebuild is not to be promoted now} */
  private synchronized ProjectionWorker beginPromotion(RunningRebuild running) {
    if (closed || rebuild != running || running.promoting()) {
      return null;
    }
    running.beginPromotion();
    return live;
  }

  /** {@return whether the rebuilt generation replaced the retired one, unless the slot closed} */
  private synchronized boolean switchTo(RunningRebuild running, ProjectionWorker retired) {
    if (closed || rebuild != running) {
      return false;
    }
    ProjectionWorker promoted = running.worker();
    settings
        .storage()
        .inTransaction(
            () -> {
              promoted.fence();
              settings.store().promote(name(), promoted.generation, retired.generation);
              return null;
            });
    live = promoted;
    rebuild = null;
    return true;
  }

  /** Stops a running rebuild and drops what it wrote; the live read models are untouched. */
  void cancelRebuild() throws InterruptedException {
    RunningRebuild running;
    synchronized (this) {
      running = rebuild;
      if (running == null || running.promoting()) {
        throw new IllegalStateException(
            "Projection " + name() + " is not being rebuilt" + elsewhere());
      }
      rebuild = null;
    }
    ProjectionWorker worker = running.worker();
    worker.stop();
    settings.store().delete(name(), worker.generation);
    generations.drop(worker.generation);
    signal.run();
  }

  /** {@return words naming the runner that holds the lease, if it is not this one} */
  private String elsewhere() {
    if (live != null) {
      return "";
    }
    return currentLease()
        .flatMap(ProjectionLease::owner)
        .map(owner -> " on this runner: runner " + owner + " runs it; ask there")
        .orElse(" on this runner: no runner holds its lease right now");
  }

  /** Follows another runner's switch of generations; called on the retired worker's thread. */
  synchronized void resync(ProjectionWorker gone) {
    if (closed || lease == null) {
      return;
    }
    RunningRebuild running = rebuild;
    if (running != null && running.worker() == gone) {
      rebuild = null;
    }
    if (gone == live) {
      settings.store().load(name()).stream()
          .filter(ProjectionStore.Generation::live)
          .findFirst()
          .ifPresent(generation -> live = startWorker(generation, null));
    }
  }

  /**
   * Stops both workers after their current batch.
   *
   * @return the lease this runner held, for the caller to release, or null
   */
  ProjectionStore.Lease close() throws InterruptedException {
    ProjectionWorker worker;
    RunningRebuild running;
    ProjectionStore.Lease held;
    synchronized (this) {
      closed = true;
      worker = live;
      running = rebuild;
      held = lease;
    }
    if (worker != null) {
      worker.stop();
    }
    if (running != null && running.worker() != null) {
      running.worker().stop();
    }
    synchronized (this) {
      lease = null;
    }
    return held;
  }

  /** Hands a decision to the parked worker: the live one, or else the rebuild's. */
  void decide(ProjectionDecision.Kind kind, String reason) {
    ProjectionWorker worker = live;
    RunningRebuild running = rebuild;
    if ((worker == null || worker.parked().isEmpty()) && running != null) {
      worker = running.worker(); // the live read models are fine, their rebuild is parked
    }
    ParkedEvent parked = worker == null ? null : worker.parked().orElse(null);
    if (parked == null) {
      throw new IllegalStateException("Projection " + name() + " is not parked" + elsewhere());
    }
    worker.park.decide(
        new ProjectionDecision(name(), kind, parked, reason, settings.clock().instant()));
  }

  /** {@return the stored lease of the projection, as its status shows it} */
  private Optional<ProjectionLease> currentLease() {
    return leaseIn(settings.store().leases());
  }

  /** {@return the projection's lease among the stored ones, as its status shows it} */
  private Optional<ProjectionLease> leaseIn(List<ProjectionStore.LeaseState> leases) {
    ProjectionStore.Lease held = lease;
    return leases.stream()
        .filter(state -> state.projection().equals(name()))
        .findFirst()
        .map(
            state ->
                new ProjectionLease(
                    Optional.ofNullable(state.owner()),
                    state.epoch(),
                    state.expiresAt(),
                    state.expired(),
                    held != null
                        && held.owner().equals(state.owner())
                        && held.epoch() == state.epoch()));
  }

  /**
   * {@return the slot's status: the live worker's snapshot, read once, and the rebuild's; or, if
   * another runner runs it, what the store says}
   *
   * @param leases the stored leases, read once for all slots
   */
  ProjectionStatus status(Checkpoint head, List<ProjectionStore.LeaseState> leases) {
    ProjectionWorker worker = live;
    Optional<ProjectionLease> held = started ? leaseIn(leases) : Optional.empty();
    if (worker != null || !started) {
      return StatusAssembly.of(name(), worker, rebuild, head, settings.storage().isDurable(), held);
    }
    view = null;
    return StatusAssembly.elsewhere(
        name(), stored().generations(), head, settings.storage().isDurable(), held);
  }

  /** The stored generations of the projection, as read at a moment. */
  private record StoredView(List<ProjectionStore.Generation> generations, long readAt) {

    Optional<ProjectionStore.Generation> live() {
      return generations.stream().filter(ProjectionStore.Generation::live).findFirst();
    }
  }
}
