package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a runner's projections reach a position or a checkpoint of the log, woken by their
 * workers' signals. Thread-safe: waiters and signals meet on one monitor.
 */
final class ProgressWaits {

  // the runner's category, which operators filter waits in vain by
  private static final Logger LOG = LoggerFactory.getLogger(Projections.class);

  private static final long ELSEWHERE_POLL_MILLIS = 20;

  private final GlobalEventLog log;
  private final Object progress = new Object();

  ProgressWaits(GlobalEventLog log) {
    this.log = log;
  }

  /** Wakes the waiters: a checkpoint moved, or a state changed. */
  void signal() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /** {@return whether every slot took in the event at a position, or why not} */
  AwaitOutcome positionOutcome(Collection<ProjectionSlot> slots, long position, Duration timeout)
      throws InterruptedException {
    if (position == 0) {
      return new AwaitOutcome.Reached();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      // The head is read first: if the event is not readable after it, the head cannot hold it, so
      // waiting for events after that head wakes once the event becomes readable.
      Checkpoint head = log.head();
      Optional<Checkpoint> target = log.checkpointAt(position);
      long left = deadline - System.nanoTime();
      if (target.isPresent()) {
        return checkpointOutcome(slots, target.get(), Duration.ofNanos(Math.max(0, left)));
      }
      if (left <= 0) {
        return new AwaitOutcome.TimedOut();
      }
      log.awaitEventsAfter(head, Duration.ofNanos(left));
    }
  }

  /** {@return whether every slot's checkpoint is at or after a checkpoint, or why not} */
  AwaitOutcome checkpointOutcome(
      Collection<ProjectionSlot> slots, Checkpoint checkpoint, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (true) {
        boolean all = true;
        boolean elsewhere = false;
        for (ProjectionSlot slot : slots) {
          if (!slot.reached(checkpoint)) {
            Optional<ParkedEvent> stuck = slot.stuckBefore(checkpoint);
            if (stuck.isPresent()) {
              return stuckAt(slot.name(), stuck.get());
            }
            all = false;
            elsewhere |= slot.isElsewhere();
          }
        }
        long left = deadline - System.nanoTime();
        if (all) {
          return new AwaitOutcome.Reached();
        }
        if (left <= 0) {
          return new AwaitOutcome.TimedOut();
        }
        // Workers signal each move; the bound only caps the cost of a signal that was missed. A
        // projection that another runner runs is read from the store, a few times a second.
        long bound = elsewhere ? ELSEWHERE_POLL_MILLIS : 250;
        progress.wait(Math.max(1, Math.min(left / 1_000_000, bound)));
      }
    }
  }

  /** {@return a park, as the stuck outcome of a wait that meets it} */
  static AwaitOutcome.Stuck stuckAt(String projection, ParkedEvent parked) {
    return new AwaitOutcome.Stuck(
        projection, parked.position(), parked.eventType(), parked.error());
  }

  /** {@return the outcome, logged at WARN if a park stopped the wait for a target} */
  static AwaitOutcome logged(AwaitOutcome outcome, String target) {
    if (outcome instanceof AwaitOutcome.Stuck stuck) {
      LOG.warn(
          "Waited for {} in vain: projection {} is parked before it, at position {} ({})",
          target,
          stuck.follower(),
          stuck.position(),
          stuck.storedType());
    }
    return outcome;
  }
}
