package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.UnreadableLogEntryException;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one generation of a projection from the global log on a thread of its own: a batch at a
 * time, each batch's writes and checkpoint in one transaction of the storage ({@link BatchRun}).
 *
 * <p>Thread-safe: its progress is one {@link WorkerSnapshot} that only its own thread replaces (and
 * {@link #start} before that thread runs); other threads read it, ask it to stop, or hand it a
 * decision.
 */
final class ProjectionWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionWorker.class);
  static final Duration IDLE_WAIT = Duration.ofMillis(250);
  private static final Duration SETTLE = Duration.ofMillis(50);

  final String name;
  final int generation;
  final Projector projector;
  final BatchCache cache; // null when batches are not cached
  final Settings settings;
  private final Hooks hooks;
  private final AtomicReference<ProjectionDecision> pending = new AtomicReference<>();
  private volatile WorkerSnapshot snapshot;
  private volatile boolean stopping;
  private ParkedEvent storedPark; // the worker's thread's only
  private Thread thread;

  /** What a worker needs besides its projector; shared by all workers of one runner. */
  record Settings(
      GlobalEventLog log,
      ReadModelStorage storage,
      ProjectionStore store,
      RetryPolicy retry,
      int batchSize,
      Clock clock,
      ThreadFactory threads) {}

  /** What a worker tells its runner, on the worker's thread. */
  interface Hooks {
    /** The checkpoint moved, or the state changed. */
    void progressed();

    /**
     * A read, and the handling of what it found, is done.
     *
     * @param nearlyCaughtUp whether the read found less than a full batch
     */
    default void afterRead(ProjectionWorker worker, boolean nearlyCaughtUp) {}

    /** Another runner retired this generation: the worker has stopped. */
    default void retiredElsewhere(ProjectionWorker worker) {}
  }

  ProjectionWorker(
      String name,
      ProjectionStore.Generation stored,
      Projector projector,
      BatchCache cache,
      Settings settings,
      Hooks hooks) {
    this.name = name;
    this.generation = stored.generation();
    this.storedPark = stored.parked();
    this.snapshot =
        new WorkerSnapshot(
            ProjectionState.STOPPED,
            stored.checkpoint(),
            storedPark == null ? null : storedPark.error(),
            null,
            0);
    this.projector = projector;
    this.cache = cache;
    this.settings = settings;
    this.hooks = hooks;
  }

  /** Starts the worker on a thread of the runner's factory. */
  synchronized void start() {
    thread = settings.threads().newThread(this);
    snapshot = snapshot.withState(ProjectionState.CATCHING_UP); // before the thread runs
    thread.start();
  }

  /** {@return the name of the worker's thread, unless the runner's factory names it otherwise} */
  @Override
  public String toString() {
    return "boulevard-projection-" + name + "-" + generation;
  }

  /** {@return the worker's progress, read whole} */
  WorkerSnapshot snapshot() {
    return snapshot;
  }

  /** {@return the checkpoint of the last event it took in} */
  Checkpoint checkpoint() {
    return snapshot.checkpoint();
  }

  /** {@return whether it was asked to stop} */
  boolean stopping() {
    return stopping;
  }

  /** {@return whether a park is stored, which the next checkpoint move clears} */
  boolean hasStoredPark() {
    return storedPark != null;
  }

  /** Asks the worker to stop after its current batch, and waits until it has. */
  void stop() throws InterruptedException {
    stopping = true;
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null && running != Thread.currentThread()) {
      running.join();
    }
  }

  Optional<ParkedEvent> parked() {
    return Optional.ofNullable(snapshot.parked());
  }

  /**
   * Hands a decision about the current park to the worker's thread.
   *
   * @throws IllegalStateException if it is not parked at that event, or a decision is pending
   */
  void decide(ProjectionDecision decision) {
    ParkedEvent parked = snapshot.parked();
    if (parked == null || !parked.equals(decision.parked())) {
      throw new IllegalStateException("Projection " + name + " is not parked");
    }
    if (!pending.compareAndSet(null, decision)) {
      throw new IllegalStateException(
          "A decision about the park of projection " + name + " is already pending");
    }
    synchronized (pending) {
      pending.notifyAll();
    }
  }

  /** {@return the event it is parked at, with no decision pending, at or before a checkpoint} */
  Optional<ParkedEvent> stuckBefore(Checkpoint target) {
    ParkedEvent at = snapshot.parked();
    boolean stuck = at != null && pending.get() == null && !at.checkpoint().isAfter(target);
    return stuck ? Optional.of(at) : Optional.empty();
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (Throwable fatal) {
      publish(snapshot.failed(snapshot.state(), Failures.describe(fatal)));
      LOG.error("Projection {} stopped on a failure it cannot survive", name, fatal);
      throw fatal;
    } finally {
      publish(snapshot.withState(ProjectionState.STOPPED));
      hooks.progressed();
    }
  }

  private void loop() {
    int storageFailures = 0;
    while (!stopping) {
      try {
        if (snapshot.parked() != null) {
          awaitDecision();
        } else {
          readAndHandle();
        }
        storageFailures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Failures of the log, the checkpoint or storage's connection are waited out, never parked.
        storageFailures++;
        String error = Failures.describe(e);
        publish(snapshot.failed(ProjectionState.RETRYING, error));
        LOG.warn("Projection {} failed to read or store, retrying: {}", name, error);
        pause(settings.retry().pauseAfter(Math.min(storageFailures, 30)));
        reload();
      }
    }
  }

  private void readAndHandle() throws InterruptedException {
    List<LoggedMessage> batch;
    try {
      batch = settings.log().read(checkpoint(), settings.batchSize());
    } catch (UnreadableLogEntryException e) {
      // No retry reads it: parked like an event the projector fails on, so that it can be skipped.
      park(e.checkpoint(), e.storedType(), Failures.describe(e));
      return;
    }
    boolean full = batch.size() >= settings.batchSize() || endsBeforeHead(batch);
    publish(snapshot.withState(full ? ProjectionState.CATCHING_UP : ProjectionState.LIVE));
    if (!batch.isEmpty()) {
      new BatchRun(this, batch).handle();
    }
    if (snapshot.parked() == null && !stopping) {
      hooks.afterRead(this, !full);
    }
    if (batch.isEmpty() && !stopping) {
      settings.log().awaitEventsAfter(checkpoint(), IDLE_WAIT);
    }
  }

  /**
   * {@return whether a short batch still ended before the log's head: a log whose stored events an
   * upcaster splits ends a batch early rather than between the pieces of one event}
   */
  private boolean endsBeforeHead(List<LoggedMessage> batch) {
    return !batch.isEmpty()
        && settings.log().head().isAfter(batch.get(batch.size() - 1).checkpoint());
  }

  /** Parks at an event the projector kept failing on, naming its stored type, once stored. */
  void park(LoggedMessage failing, String error) {
    park(failing.checkpoint(), settings.log().storedTypeOf(failing.message()), error);
  }

  private void park(Checkpoint at, String eventType, String error) {
    var parkedEvent = new ParkedEvent(at, eventType, error, settings.clock().instant());
    settings.store().park(name, generation, parkedEvent);
    storedPark = parkedEvent;
    publish(snapshot.parkedAt(parkedEvent));
    LOG.error(
        "Projection {} parked at position {} ({}): {}", name, at.position(), eventType, error);
    hooks.progressed();
  }

  /** Notes a failure of the projector that is being retried. */
  void retrying(String error) {
    publish(snapshot.failed(ProjectionState.RETRYING, error));
  }

  /** Takes in what a committed transaction did. */
  void committed(Checkpoint next, int events) {
    publish(snapshot.movedTo(next, events));
    storedPark = null;
    hooks.progressed();
  }

  /** Replaces the snapshot; called on the worker's own thread only. */
  private void publish(WorkerSnapshot next) {
    snapshot = next;
  }

  private void awaitDecision() throws InterruptedException {
    ProjectionDecision decision = pending.get();
    if (decision == null) {
      synchronized (pending) {
        if (pending.get() == null) {
          pending.wait(IDLE_WAIT.toMillis());
        }
      }
      return;
    }
    boolean skip = decision.kind() == ProjectionDecision.Kind.SKIP;
    Checkpoint expected = checkpoint();
    boolean applied =
        settings
            .storage()
            .inTransaction(
                () -> {
                  if (skip
                      && !settings
                          .store()
                          .advance(name, generation, expected, decision.parked().checkpoint())) {
                    return false;
                  }
                  settings.store().park(name, generation, null);
                  settings.store().record(decision);
                  return true;
                });
    // taken off only once stored; a failure above leaves the decision pending
    publish(snapshot.unparked());
    pending.set(null);
    if (!applied) {
      reload(); // another runner moved past the park
    } else {
      committed(skip ? decision.parked().checkpoint() : expected, 0);
    }
    LOG.info(
        "Projection {}: {} at position {} ({})",
        name,
        decision.kind(),
        decision.parked().position(),
        decision.reason());
  }

  /** Reads the stored checkpoint again, after a failure or another runner's move. */
  void reload() {
    try {
      Optional<ProjectionStore.Generation> stored =
          settings.store().load(name).stream()
              .filter(g -> g.generation() == generation)
              .findFirst();
      if (stored.isEmpty()) {
        LOG.info("Projection {}: generation {} was retired by another runner", name, generation);
        stopping = true;
        hooks.retiredElsewhere(this);
        return;
      }
      publish(snapshot.movedTo(stored.get().checkpoint(), 0));
      hooks.progressed();
    } catch (RuntimeException e) {
      // the next turn of the loop fails and waits again
      publish(snapshot.failed(snapshot.state(), Failures.describe(e)));
    }
  }

  /** Waits a moment before reading again, so that a runner losing races does not spin. */
  void settle() {
    pause(SETTLE);
  }

  void pause(Duration pause) {
    long until = System.nanoTime() + pause.toNanos();
    for (long left = pause.toNanos(); left > 0 && !stopping; left = until - System.nanoTime()) {
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, IDLE_WAIT.toNanos()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
    }
  }
}
