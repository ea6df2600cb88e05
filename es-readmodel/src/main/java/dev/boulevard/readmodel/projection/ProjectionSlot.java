package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projection of a runner: its live worker, its rebuild if one runs, and the switch from one to
 * the other. Thread-safe: its own lock guards the switch, workers stop outside it, and the live
 * worker and rebuild are volatile for readers.
 */
final class ProjectionSlot {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionSlot.class);
  private static final long DROP_GRACE_MILLIS = 1_000;

  final TrackingProjection projection;
  private final WorkerSettings settings;
  private final Runnable signal;
  private final Consumer<RebuildProgress> listener;
  private volatile ProjectionWorker live;
  private volatile RunningRebuild rebuild;
  private boolean closed;

  ProjectionSlot(
      TrackingProjection projection,
      WorkerSettings settings,
      Runnable signal,
      Consumer<RebuildProgress> listener) {
    this.projection = projection;
    this.settings = settings;
    this.signal = signal;
    this.listener = listener;
  }

  String name() {
    return projection.name();
  }

  /** Starts the live generation, and the rebuild that was running when the runner last stopped. */
  synchronized void start() {
    List<ProjectionStore.Generation> stored = settings.store().load(name());
    if (stored.isEmpty()) { // a new projection; a rebuilt one lives on in a later generation
      settings.store().createIfAbsent(name(), 1, true);
      stored = settings.store().load(name());
    }
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
  }

  private ProjectionWorker startWorker(
      ProjectionStore.Generation generation, RunningRebuild running) {
    BatchCache cache = settings.storage().isTransactional() ? new BatchCache() : null;
    var models =
        new ProjectionModels(projection, settings.storage(), generation.generation(), cache);
    var worker =
        new ProjectionWorker(
            name(),
            generation,
            projection.newProjector(models),
            cache,
            settings,
            new SlotHooks(running));
    if (running != null) {
      running.worker(worker);
    }
    worker.start();
    return worker;
  }

  /** What the workers of this slot tell it; a rebuild's worker also reports and may promote. */
  private final class SlotHooks implements WorkerHooks {
    private final RunningRebuild running; // null for a live worker

    SlotHooks(RunningRebuild running) {
      this.running = running;
    }

    @Override
    public void progressed() {
      signal.run();
      if (running != null) {
        running.report();
      }
    }

    @Override
    public void afterRead(ProjectionWorker worker, boolean nearlyCaughtUp) {
      if (running != null && (nearlyCaughtUp || levelWithLive(worker))) {
        promote(running);
      }
    }

    @Override
    public void retiredElsewhere(ProjectionWorker worker) {
      resync(worker);
    }
  }

  /** {@return whether a rebuilding worker is as fresh as the live generation} */
  private boolean levelWithLive(ProjectionWorker rebuilding) {
    ProjectionWorker current = live;
    return current == null || !current.checkpoint().isAfter(rebuilding.checkpoint());
  }

  /**
   * {@return the live generation, whose read models queries read}
   *
   * @throws IllegalStateException if the runner was not started
   */
  int liveGeneration() {
    ProjectionWorker current = live;
    if (current == null) {
      throw new IllegalStateException("Start the projections before reading their models");
    }
    return current.generation;
  }

  /** {@return whether the live generation took in the event at a checkpoint} */
  boolean reached(Checkpoint target) {
    ProjectionWorker current = live;
    return current != null && !target.isAfter(current.checkpoint());
  }

  /** {@return the event the live generation is parked at, before a checkpoint, undecided} */
  Optional<ParkedEvent> stuckBefore(Checkpoint target) {
    ProjectionWorker current = live;
    return current == null ? Optional.empty() : current.park.stuckBefore(target);
  }

  synchronized void rebuild() {
    if (closed || live == null) {
      throw new IllegalStateException("Start the projections before rebuilding one");
    }
    if (rebuild != null) {
      throw new IllegalStateException("Projection " + name() + " is already being rebuilt");
    }
    int generation = live.generation + 1;
    dropModels(generation); // what a crash or a reset may have left behind
    settings.store().createIfAbsent(name(), generation, false);
    startRebuild(new ProjectionStore.Generation(generation, false, Checkpoint.beginning(), null));
  }

  private void startRebuild(ProjectionStore.Generation generation) {
    rebuild = new RunningRebuild(name(), settings.log(), listener);
    startWorker(generation, rebuild);
  }

  /** Replaces the live generation with the rebuilt one; called on the rebuild's thread. */
  private void promote(RunningRebuild running) {
    ProjectionWorker retired;
    synchronized (this) {
      if (closed || rebuild != running || running.promoting()) {
        return;
      }
      running.beginPromotion();
      retired = live;
    }
    try {
      retired.stop(); // outside the lock: the retiring worker finishes its batch first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    ProjectionWorker promoted = running.worker();
    synchronized (this) {
      if (closed) {
        return; // the rebuild resumes on the next start
      }
      settings.store().promote(name(), promoted.generation, retired.generation);
      live = promoted;
      rebuild = null;
    }
    running.finished();
    signal.run();
    int old = retired.generation;
    // Queries that picked the old generation a moment ago may still be reading it.
    CompletableFuture.runAsync(
        () -> dropModels(old),
        CompletableFuture.delayedExecutor(DROP_GRACE_MILLIS, TimeUnit.MILLISECONDS));
  }

  /** Stops a running rebuild and drops what it wrote; the live read models are untouched. */
  void cancelRebuild() throws InterruptedException {
    RunningRebuild running;
    synchronized (this) {
      running = rebuild;
      if (running == null || running.promoting()) {
        throw new IllegalStateException("Projection " + name() + " is not being rebuilt");
      }
      rebuild = null;
    }
    ProjectionWorker worker = running.worker();
    worker.stop();
    settings.store().delete(name(), worker.generation);
    dropModels(worker.generation);
    signal.run();
  }

  /** Follows another runner's switch of generations; called on the retired worker's thread. */
  private synchronized void resync(ProjectionWorker gone) {
    if (closed) {
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

  /** Stops both workers after their current batch. */
  void close() throws InterruptedException {
    ProjectionWorker worker;
    RunningRebuild running;
    synchronized (this) {
      closed = true;
      worker = live;
      running = rebuild;
    }
    if (worker != null) {
      worker.stop();
    }
    if (running != null && running.worker() != null) {
      running.worker().stop();
    }
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
      throw new IllegalStateException("Projection " + name() + " is not parked");
    }
    worker.park.decide(
        new ProjectionDecision(name(), kind, parked, reason, settings.clock().instant()));
  }

  private void dropModels(int generation) {
    for (String model : projection.readModels().keySet()) {
      try {
        settings.storage().drop(ProjectionModels.storedName(model, generation));
      } catch (RuntimeException e) {
        LOG.warn(
            "Projection {}: could not drop generation {} of {}: {}",
            name(),
            generation,
            model,
            Failures.describe(e));
      }
    }
  }

  /** {@return the slot's status: the live worker's snapshot, read once, and the rebuild's} */
  ProjectionStatus status(Checkpoint head) {
    ProjectionWorker worker = live;
    RunningRebuild running = rebuild;
    boolean durable = settings.storage().isDurable();
    if (worker == null) {
      return new ProjectionStatus(
          name(),
          ProjectionState.STOPPED,
          Checkpoint.beginning(),
          head.position(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          durable);
    }
    WorkerSnapshot at = worker.snapshot();
    return new ProjectionStatus(
        name(),
        at.state(),
        at.checkpoint(),
        Math.max(0, head.position() - at.checkpoint().position()),
        Optional.ofNullable(at.lastError()),
        Optional.ofNullable(at.parked()),
        Optional.ofNullable(running).map(RunningRebuild::progress),
        durable);
  }
}
