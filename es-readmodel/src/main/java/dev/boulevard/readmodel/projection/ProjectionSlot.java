package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One projection of a runner: its live worker, its rebuild if one runs, and the switch from one to
 * the other. Thread-safe: its own lock guards the switch, workers stop outside it, and the live
 * worker and rebuild are volatile for readers.
 */
final class ProjectionSlot {

  final TrackingProjection projection;
  private final WorkerSettings settings;
  private final GenerationWorkers generations;
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
    this.generations = new GenerationWorkers(projection, settings);
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
    ProjectionWorker worker = generations.create(generation, new SlotHooks(this, signal, running));
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
    generations.drop(generation); // what a crash or a reset may have left behind
    settings.store().createIfAbsent(name(), generation, false);
    startRebuild(new ProjectionStore.Generation(generation, false, Checkpoint.beginning(), null));
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
    if (closed) {
      return false;
    }
    ProjectionWorker promoted = running.worker();
    settings.store().promote(name(), promoted.generation, retired.generation);
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
        throw new IllegalStateException("Projection " + name() + " is not being rebuilt");
      }
      rebuild = null;
    }
    ProjectionWorker worker = running.worker();
    worker.stop();
    settings.store().delete(name(), worker.generation);
    generations.drop(worker.generation);
    signal.run();
  }

  /** Follows another runner's switch of generations; called on the retired worker's thread. */
  synchronized void resync(ProjectionWorker gone) {
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

  /** {@return the slot's status: the live worker's snapshot, read once, and the rebuild's} */
  ProjectionStatus status(Checkpoint head) {
    return StatusAssembly.of(name(), live, rebuild, head, settings.storage().isDurable());
  }
}
