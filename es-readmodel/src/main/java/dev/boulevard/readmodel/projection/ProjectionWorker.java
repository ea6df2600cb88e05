package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.FilteredBatch;
import dev.boulevard.eventstore.UnreadableLogEntryException;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchEnd;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchObservation;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchResult;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one generation of a projection from the global log on a thread of its own: a batch at a
 * time, each batch's writes and checkpoint in one transaction of the storage ({@link BatchRun}).
 *
 * <p>Thread-safe: its progress is one {@link WorkerSnapshot} that only its own thread replaces (and
 * {@link #start} before that thread runs); other threads read it, ask it to stop, or hand its
 * {@link WorkerPark} a decision.
 */
final class ProjectionWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionWorker.class);
  static final Duration IDLE_WAIT = Duration.ofMillis(250);
  private static final Duration SETTLE = Duration.ofMillis(50);

  final String name;
  final Segment segment;
  final int generation;
  final Projector projector; // null for a sink projection
  final EventSink sink; // null for a projection with a projector
  final BatchCache cache; // null when batches are not cached
  final WorkerSettings settings;
  final WorkerPark park;
  final ProjectionStore.Lease lease;
  private final WorkerHooks hooks;
  private volatile WorkerSnapshot snapshot;
  private volatile boolean stopping;
  private Thread thread;

  ProjectionWorker(
      String name,
      Segment segment,
      ProjectionStore.Generation stored,
      Projector projector,
      EventSink sink,
      BatchCache cache,
      WorkerSettings settings,
      ProjectionStore.Lease lease,
      WorkerHooks hooks) {
    this.name = name;
    this.segment = segment;
    this.lease = lease;
    this.generation = stored.generation();
    ParkedEvent storedPark = stored.parked();
    this.snapshot =
        new WorkerSnapshot(
            ProjectionState.STOPPED,
            stored.checkpoint(),
            storedPark == null ? null : storedPark.error(),
            null,
            0);
    this.projector = projector;
    this.sink = sink;
    this.cache = cache;
    this.settings = settings;
    this.hooks = hooks;
    this.park = new WorkerPark(this, storedPark);
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

  /** Asks the worker to stop after its current batch, without waiting. */
  void requestStop() {
    stopping = true;
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
          park.awaitDecision();
        } else {
          readAndHandle();
        }
        storageFailures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (LeaseLost e) {
        leaseLost();
        return;
      } catch (RuntimeException e) {
        // Failures of the log, the checkpoint, storage's connection or a sink's delivery are waited
        // out, never parked.
        storageFailures++;
        String error = Failures.describe(e);
        publish(snapshot.failed(ProjectionState.RETRYING, error));
        LOG.warn("Projection {} failed to read, store or deliver, retrying: {}", name, error);
        pause(settings.retry().pauseAfter(Math.min(storageFailures, 30)));
        reload();
      }
    }
  }

  private void readAndHandle() throws InterruptedException {
    FilteredBatch read;
    Checkpoint from = checkpoint();
    try {
      read =
          segment.count() == 1
              ? FilteredBatch.of(settings.log().read(from, settings.batchSize()), from)
              : settings.log().read(from, settings.batchSize(), segment::owns);
    } catch (UnreadableLogEntryException e) {
      // No retry reads it: parked like an event the projector fails on, so that it can be skipped.
      park.at(e.checkpoint(), e.storedType(), Failures.describe(e));
      return;
    }
    boolean full = read.entries() >= settings.batchSize() || endsBeforeHead(read);
    publish(snapshot.withState(full ? ProjectionState.CATCHING_UP : ProjectionState.LIVE));
    if (!read.events().isEmpty() || read.readTo().isAfter(from)) {
      handleObserved(read);
    }
    if (snapshot.parked() == null && !stopping) {
      hooks.afterRead(this, !full);
    }
    if (read.entries() == 0 && !stopping) {
      settings.log().awaitEventsAfter(checkpoint(), IDLE_WAIT);
    }
  }

  /** Handles a batch that was read, telling the runner's observer how it went. */
  private void handleObserved(FilteredBatch read) {
    BatchObservation observation = settings.observer().batchStarted(name, segment, read.events());
    if (observation == BatchObservation.IGNORED) {
      handle(read); // nobody listens: nothing to measure
      return;
    }
    long before = snapshot.eventsDone();
    try {
      handle(read);
    } catch (RuntimeException | Error e) {
      observation.ended(
          new BatchEnd(snapshot.eventsDone() - before, BatchResult.ERROR, Failures.describe(e)));
      throw e;
    }
    ParkedEvent parked = snapshot.parked();
    observation.ended(
        parked == null
            ? new BatchEnd(snapshot.eventsDone() - before, BatchResult.OK, "")
            : new BatchEnd(snapshot.eventsDone() - before, BatchResult.PARKED, parked.error()));
  }

  private void handle(FilteredBatch read) {
    if (sink != null) {
      new SinkRun(this, read.events(), read.readTo()).handle();
    } else {
      new BatchRun(this, read.events(), read.readTo()).handle();
    }
  }

  /** Tells the runner's observer that an event is tried again. */
  void retryingAgain(int attempt, String error) {
    settings.observer().retrying(name, attempt, error);
  }

  /**
   * {@return whether a short batch still ended before the log's head: a log whose stored events an
   * upcaster splits ends a batch early rather than between the pieces of one event}
   */
  private boolean endsBeforeHead(FilteredBatch read) {
    return read.entries() > 0 && settings.log().head().isAfter(read.readTo());
  }

  /**
   * Stops the worker after its transaction was rolled back because the runner lost the lease.
   * Called on the worker's own thread.
   */
  void leaseLost() {
    if (stopping) { // it was let go of: a batch under way when it was released was rolled back
      LOG.info("Projection {}: runner {} let its lease go mid-batch", name, lease.owner());
    } else {
      LOG.warn(
          "Projection {}: runner {} lost its lease (epoch {}); its last batch was rolled back and"
              + " it writes nothing more",
          name,
          lease.owner(),
          lease.epoch());
    }
    stopping = true;
    hooks.leaseLost(this);
  }

  /**
   * Inside a transaction of the storage: makes sure the runner still holds the lease, and keeps
   * anyone from taking it until the transaction ends.
   *
   * @throws LeaseLost if it does not, which rolls the transaction back
   */
  void fence() {
    if (!settings.store().holds(lease)) {
      throw new LeaseLost();
    }
  }

  /** Takes in a park, once stored. */
  void parkedAt(ParkedEvent parkedEvent) {
    publish(snapshot.parkedAt(parkedEvent));
    settings.observer().parked(name, parkedEvent);
  }

  /** Takes in a decision about its park, once stored. */
  void unparked() {
    publish(snapshot.unparked());
  }

  /** Tells the runner that the checkpoint moved, or the state changed. */
  void progressed() {
    hooks.progressed();
  }

  /** Notes a failure of the projector that is being retried. */
  void retrying(String error) {
    publish(snapshot.failed(ProjectionState.RETRYING, error));
  }

  /** Takes in what a committed transaction did. */
  void committed(Checkpoint next, int events) {
    publish(snapshot.movedTo(next, events));
    park.cleared();
    hooks.progressed();
  }

  /** Replaces the snapshot; called on the worker's own thread only. */
  private void publish(WorkerSnapshot next) {
    snapshot = next;
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
