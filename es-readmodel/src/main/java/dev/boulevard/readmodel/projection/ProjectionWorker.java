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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one generation of a projection from the global log on a thread of its own: a batch at a
 * time, each batch's writes and checkpoint in one transaction of the storage ({@link BatchRun}).
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
  volatile Checkpoint checkpoint;
  volatile ProjectionState state = ProjectionState.STOPPED;
  volatile String lastError;
  private volatile ParkedEvent parked;
  volatile boolean stopping;
  volatile long eventsDone;
  ParkedEvent storedPark;
  private Thread thread;

  /** What a worker needs besides its projector; shared by all workers of one runner. */
  record Settings(
      GlobalEventLog log,
      ReadModelStorage storage,
      ProjectionStore store,
      RetryPolicy retry,
      int batchSize,
      Clock clock) {}

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
    this.checkpoint = stored.checkpoint();
    this.storedPark = stored.parked();
    this.lastError = storedPark == null ? null : storedPark.error();
    this.projector = projector;
    this.cache = cache;
    this.settings = settings;
    this.hooks = hooks;
  }

  synchronized void start(String threadName) {
    thread = new Thread(this, threadName);
    thread.setDaemon(true);
    state = ProjectionState.CATCHING_UP;
    thread.start();
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

  Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  Optional<ParkedEvent> parked() {
    return Optional.ofNullable(parked);
  }

  /**
   * Hands a decision about the current park to the worker's thread.
   *
   * @throws IllegalStateException if it is not parked at that event, or a decision is pending
   */
  void decide(ProjectionDecision decision) {
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

  /** {@return whether it is parked, with no decision pending, at or before a checkpoint} */
  boolean stuckBefore(Checkpoint target) {
    ParkedEvent at = parked;
    return at != null && pending.get() == null && !at.checkpoint().isAfter(target);
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (Throwable fatal) {
      lastError = Failures.describe(fatal);
      LOG.error("Projection {} stopped on a failure it cannot survive", name, fatal);
      throw fatal;
    } finally {
      state = ProjectionState.STOPPED;
      hooks.progressed();
    }
  }

  private void loop() {
    int storageFailures = 0;
    while (!stopping) {
      try {
        if (parked != null) {
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
        lastError = Failures.describe(e);
        state = ProjectionState.RETRYING;
        LOG.warn("Projection {} failed to read or store, retrying: {}", name, lastError);
        pause(settings.retry().pauseAfter(Math.min(storageFailures, 30)));
        reload();
      }
    }
  }

  private void readAndHandle() throws InterruptedException {
    List<LoggedMessage> batch;
    try {
      batch = settings.log().read(checkpoint, settings.batchSize());
    } catch (UnreadableLogEntryException e) {
      // No retry reads it: parked like an event the projector fails on, so that it can be skipped.
      lastError = Failures.describe(e);
      park(e.checkpoint(), e.storedType(), e.checkpoint().position());
      return;
    }
    boolean full = batch.size() >= settings.batchSize() || endsBeforeHead(batch);
    state = full ? ProjectionState.CATCHING_UP : ProjectionState.LIVE;
    if (!batch.isEmpty()) {
      new BatchRun(this, batch).handle();
    }
    if (parked == null && !stopping) {
      hooks.afterRead(this, !full);
    }
    if (batch.isEmpty() && !stopping) {
      settings.log().awaitEventsAfter(checkpoint, IDLE_WAIT);
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

  /** Parks at an event, once the park is stored. */
  void park(LoggedMessage failing) {
    park(failing.checkpoint(), failing.message().payloadType().getName(), failing.position());
  }

  private void park(Checkpoint at, String eventType, long position) {
    var parkedEvent = new ParkedEvent(at, eventType, lastError, settings.clock().instant());
    settings.store().park(name, generation, parkedEvent);
    storedPark = parkedEvent;
    parked = parkedEvent;
    state = ProjectionState.PARKED;
    LOG.error("Projection {} parked at position {} ({}): {}", name, position, eventType, lastError);
    hooks.progressed();
  }

  /** Takes in what a committed transaction did. */
  void committed(Checkpoint next, int events) {
    checkpoint = next;
    eventsDone += events;
    storedPark = null;
    hooks.progressed();
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
    Checkpoint expected = checkpoint;
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
    parked = null; // taken off only once stored; a failure above leaves the decision pending
    pending.set(null);
    state = ProjectionState.CATCHING_UP;
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
      checkpoint = stored.get().checkpoint();
      hooks.progressed();
    } catch (RuntimeException e) {
      lastError = Failures.describe(e); // the next turn of the loop fails and waits again
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
