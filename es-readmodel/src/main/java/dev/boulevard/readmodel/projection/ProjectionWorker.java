package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelStorage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one generation of a projection from the global log on a thread of its own: a batch at a
 * time, each batch's writes and checkpoint in one transaction of the storage.
 */
final class ProjectionWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionWorker.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(250);
  private static final int DONE = -1;
  private static final int ABANDONED = -2;

  private final String name;
  final int generation;
  private final Projector projector;
  private final Settings settings;
  private final Runnable onProgress;
  private final BlockingQueue<ProjectionDecision> decisions = new LinkedBlockingQueue<>();
  private volatile Checkpoint checkpoint;
  private volatile ProjectionState state = ProjectionState.STOPPED;
  private volatile String lastError;
  private volatile ParkedEvent parked;
  private volatile boolean deciding;
  private volatile boolean stopping;
  private volatile CaughtUp caughtUp;
  private ParkedEvent storedPark;
  private volatile long eventsDone;
  private Thread thread;

  ProjectionWorker(
      String name,
      ProjectionStore.Generation stored,
      Projector projector,
      Settings settings,
      Runnable onProgress) {
    this.name = name;
    this.generation = stored.generation();
    this.checkpoint = stored.checkpoint();
    this.storedPark = stored.parked();
    this.lastError = storedPark == null ? null : storedPark.error();
    this.projector = projector;
    this.settings = settings;
    this.onProgress = onProgress;
  }

  /** What a worker needs besides its projector; shared by all workers of one runner. */
  record Settings(
      GlobalEventLog log,
      ReadModelStorage storage,
      ProjectionStore store,
      RetryPolicy retry,
      int batchSize,
      java.time.Clock clock) {}

  /** Called, on the worker's thread, each time a read finds the log caught up. */
  @FunctionalInterface
  interface CaughtUp {
    void reached(ProjectionWorker worker);
  }

  synchronized void start(String threadName, CaughtUp whenCaughtUp) {
    this.caughtUp = whenCaughtUp;
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
    state = ProjectionState.STOPPED;
  }

  void noLongerCaughtUpHook() {
    caughtUp = null;
  }

  Checkpoint checkpoint() {
    return checkpoint;
  }

  ProjectionState state() {
    return state;
  }

  Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  Optional<ParkedEvent> parked() {
    return Optional.ofNullable(parked);
  }

  long eventsDone() {
    return eventsDone;
  }

  /** Hands a decision about the current park to the worker's thread. */
  void decide(ProjectionDecision decision) {
    deciding = true;
    decisions.add(decision);
  }

  /** {@return whether it is parked, with no decision pending, at or before a checkpoint} */
  boolean stuckBefore(Checkpoint target) {
    ParkedEvent at = parked;
    return at != null && !deciding && !at.checkpoint().isAfter(target);
  }

  @Override
  public void run() {
    int storageFailures = 0;
    while (!stopping) {
      try {
        if (parked != null) {
          awaitDecision();
          continue;
        }
        List<LoggedMessage> batch = settings.log().read(checkpoint, settings.batchSize());
        if (batch.isEmpty()) {
          state = ProjectionState.LIVE;
          CaughtUp hook = caughtUp;
          if (hook != null) {
            hook.reached(this);
          }
          settings.log().awaitEventsAfter(checkpoint, IDLE_WAIT);
        } else {
          state =
              batch.size() == settings.batchSize()
                  ? ProjectionState.CATCHING_UP
                  : ProjectionState.LIVE;
          handle(batch);
        }
        storageFailures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Storage failures (the log, the read models, the checkpoint) are waited out, never parked.
        storageFailures++;
        lastError = describe(e);
        state = ProjectionState.RETRYING;
        LOG.warn("Projection {} failed to read or store, retrying: {}", name, lastError);
        pause(settings.retry().pauseAfter(Math.min(storageFailures, 30)));
        reload();
      }
    }
  }

  private void handle(List<LoggedMessage> batch) throws InterruptedException {
    int failedAt = apply(batch, 0, batch.size());
    if (failedAt < 0) {
      return;
    }
    if (failedAt > 0 && settings.storage().isTransactional() && apply(batch, 0, failedAt) != DONE) {
      return; // what went through a moment ago failed now: start over from the log
    }
    for (int attempt = 1; attempt < settings.retry().attempts() && !stopping; attempt++) {
      state = ProjectionState.RETRYING;
      pause(settings.retry().pauseAfter(attempt));
      if (apply(batch, failedAt, failedAt + 1) < 0) {
        return; // done, or abandoned because another runner moved the checkpoint
      }
    }
    if (!stopping) {
      LoggedMessage failing = batch.get(failedAt);
      parked =
          new ParkedEvent(
              failing.checkpoint(),
              failing.message().payloadType().getName(),
              lastError,
              settings.clock().instant());
      settings.store().park(name, generation, parked);
      storedPark = parked;
      state = ProjectionState.PARKED;
      LOG.error(
          "Projection {} parked at position {} ({}): {}",
          name,
          failing.position(),
          parked.eventType(),
          lastError);
      onProgress.run();
    }
  }

  /**
   * Handles events {@code from} to {@code to} and moves the checkpoint past them, together.
   *
   * @return {@link #DONE} if they took effect, {@link #ABANDONED} if another runner had moved the
   *     checkpoint, or the index of the event the projector failed on
   */
  private int apply(List<LoggedMessage> batch, int from, int to) {
    Checkpoint expected = checkpoint;
    var failure = new int[] {-1};
    try {
      settings
          .storage()
          .inTransaction(
              () -> {
                for (int i = from; i < to; i++) {
                  try {
                    projector.handle(batch.get(i).message());
                  } catch (ReadModelException e) {
                    throw e;
                  } catch (RuntimeException e) {
                    failure[0] = i;
                    lastError = describe(e);
                    if (i > from && !settings.storage().isTransactional()) {
                      // Without transactions the writes before the failing event have happened.
                      moveCheckpoint(expected, batch.get(i - 1).checkpoint());
                      committed(batch.get(i - 1).checkpoint(), i - from);
                    }
                    throw e;
                  }
                }
                moveCheckpoint(expected, batch.get(to - 1).checkpoint());
                return null;
              });
    } catch (CheckpointMoved e) {
      LOG.debug("Projection {}: another runner moved its checkpoint; reloading it", name);
      reload();
      return ABANDONED;
    } catch (RuntimeException e) {
      if (failure[0] < 0) {
        throw e;
      }
      return failure[0];
    }
    committed(batch.get(to - 1).checkpoint(), to - from);
    return DONE;
  }

  /** Moves the stored checkpoint, inside the storage's transaction. */
  private void moveCheckpoint(Checkpoint expected, Checkpoint next) {
    if (!settings.store().advance(name, generation, expected, next)) {
      throw new CheckpointMoved();
    }
    if (storedPark != null) {
      settings.store().park(name, generation, null);
    }
  }

  /** Takes in what a committed transaction did. */
  private void committed(Checkpoint next, int events) {
    checkpoint = next;
    eventsDone += events;
    storedPark = null;
    onProgress.run();
  }

  private void awaitDecision() throws InterruptedException {
    ProjectionDecision decision = decisions.poll(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (decision == null) {
      return;
    }
    boolean skip = decision.kind() == ProjectionDecision.Kind.SKIP;
    Checkpoint expected = checkpoint;
    settings
        .storage()
        .inTransaction(
            () -> {
              if (skip) {
                moveCheckpoint(expected, decision.parked().checkpoint());
              } else {
                settings.store().park(name, generation, null);
              }
              settings.store().record(decision);
              return null;
            });
    parked = null;
    deciding = false;
    state = ProjectionState.CATCHING_UP;
    committed(skip ? decision.parked().checkpoint() : expected, 0);
    LOG.info(
        "Projection {}: {} at position {} ({})",
        name,
        decision.kind(),
        decision.parked().position(),
        decision.reason());
  }

  private void reload() {
    try {
      settings.store().load(name).stream()
          .filter(g -> g.generation() == generation)
          .findFirst()
          .ifPresent(g -> checkpoint = g.checkpoint());
      onProgress.run();
    } catch (RuntimeException e) {
      lastError = describe(e); // the next turn of the loop fails and waits again
    }
  }

  private void pause(Duration pause) {
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

  private static String describe(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage();
  }

  /** Another runner moved this generation's checkpoint: the batch is rolled back and re-read. */
  private static final class CheckpointMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckpointMoved() {
      super(null, null, false, false);
    }
  }
}
