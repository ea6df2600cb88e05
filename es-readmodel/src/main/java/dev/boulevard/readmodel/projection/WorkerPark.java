package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's park: storing it, taking a decision about it from any thread, and applying that
 * decision on the worker's thread. It tells the worker what changed through the worker's methods.
 *
 * <p>Thread-safe: the pending decision is atomic; the stored park is the worker's thread's only.
 */
final class WorkerPark {

  // the worker's category, which operators filter parks and decisions by
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionWorker.class);

  private final ProjectionWorker worker;
  private final AtomicReference<ProjectionDecision> pending = new AtomicReference<>();
  private ParkedEvent stored; // the worker's thread's only

  WorkerPark(ProjectionWorker worker, ParkedEvent stored) {
    this.worker = worker;
    this.stored = stored;
  }

  /** {@return whether a park is stored, which the next checkpoint move clears} */
  boolean isStored() {
    return stored != null;
  }

  /** Notes that the checkpoint moved, which cleared the stored park. */
  void cleared() {
    stored = null;
  }

  /** Parks at an event the projector kept failing on, naming its stored type, once stored. */
  void at(LoggedMessage failing, String error) {
    at(failing.checkpoint(), worker.settings.log().storedTypeOf(failing.message()), error);
  }

  /** Parks at an event, once stored. */
  void at(Checkpoint at, String eventType, String error) {
    var parkedEvent = new ParkedEvent(at, eventType, error, worker.settings.clock().instant());
    worker
        .settings
        .storage()
        .inTransaction(
            () -> {
              worker.fence();
              worker.settings.store().park(worker.name, worker.generation, parkedEvent);
              return null;
            });
    stored = parkedEvent;
    worker.parkedAt(parkedEvent);
    LOG.error(
        "Projection {} parked at position {} ({}): {}",
        worker.name,
        at.position(),
        eventType,
        error);
    worker.progressed();
  }

  /**
   * Hands a decision about the current park to the worker's thread.
   *
   * @throws IllegalStateException if it is not parked at that event, or a decision is pending
   */
  void decide(ProjectionDecision decision) {
    ParkedEvent parked = worker.snapshot().parked();
    if (parked == null || !parked.equals(decision.parked())) {
      throw new IllegalStateException("Projection " + worker.name + " is not parked");
    }
    if (!pending.compareAndSet(null, decision)) {
      throw new IllegalStateException(
          "A decision about the park of projection " + worker.name + " is already pending");
    }
    synchronized (pending) {
      pending.notifyAll();
    }
  }

  /** {@return the event it is parked at, with no decision pending, at or before a checkpoint} */
  Optional<ParkedEvent> stuckBefore(Checkpoint target) {
    ParkedEvent at = worker.snapshot().parked();
    boolean stuck = at != null && pending.get() == null && !at.checkpoint().isAfter(target);
    return stuck ? Optional.of(at) : Optional.empty();
  }

  /** Applies the pending decision, or waits a moment for one; on the worker's thread. */
  void awaitDecision() throws InterruptedException {
    ProjectionDecision decision = pending.get();
    if (decision == null) {
      synchronized (pending) {
        if (pending.get() == null) {
          pending.wait(ProjectionWorker.IDLE_WAIT.toMillis());
        }
      }
      return;
    }
    apply(decision);
    LOG.info(
        "Projection {}: {} at position {} ({})",
        worker.name,
        decision.kind(),
        decision.parked().position(),
        decision.reason());
  }

  private void apply(ProjectionDecision decision) {
    boolean skip = decision.kind() == ProjectionDecision.Kind.SKIP;
    Checkpoint expected = worker.checkpoint();
    boolean applied = worker.settings.storage().inTransaction(() -> store(decision, expected));
    // taken off only once stored; a failure above leaves the decision pending
    worker.unparked();
    pending.set(null);
    if (!applied) {
      worker.reload(); // another runner moved past the park
    } else {
      worker.committed(skip ? decision.parked().checkpoint() : expected, 0);
    }
  }

  /** Stores a decision and takes the park off, in the storage's transaction. */
  private boolean store(ProjectionDecision decision, Checkpoint expected) {
    var store = worker.settings.store();
    worker.fence();
    boolean skip = decision.kind() == ProjectionDecision.Kind.SKIP;
    if (skip
        && !store.advance(
            worker.name, worker.generation, expected, decision.parked().checkpoint())) {
      return false;
    }
    store.park(worker.name, worker.generation, null);
    store.record(decision);
    return true;
  }
}
