package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ParkedEvent;
import java.util.List;
import java.util.Objects;

/**
 * Hears what the workers of a {@link Projections} runner do, on each worker's own thread: every
 * batch from start to end, every retry of an event the projector failed on, and every park.
 * Implementations must be thread-safe (workers of different projections call at once) and quick,
 * and should not throw: a failure of the observer is logged and otherwise ignored.
 */
public interface ProjectionObserver {

  /**
   * A worker starts handling a batch of events it read.
   *
   * @param batch the projection and the events
   * @return told when the batch has ended; {@link BatchObservation#IGNORED} if not of interest
   */
  default BatchObservation batchStarted(ProjectionBatch batch) {
    return BatchObservation.IGNORED;
  }

  /**
   * An event the projector (or a sink) failed on is about to be tried again.
   *
   * @param projection the projection's name
   * @param attempt which attempt this is, 2 for the first retry
   * @param error what the last attempt failed with
   */
  default void retrying(String projection, int attempt, String error) {}

  /**
   * A projection parked at an event, once the park was stored.
   *
   * @param projection the projection's name
   * @param parked the event and the error it parked at
   */
  default void parked(String projection, ParkedEvent parked) {}

  /**
   * Combines observers, each hearing everything in the order given.
   *
   * @param observers the observers
   * @return one observer that tells them all
   */
  static ProjectionObserver all(List<ProjectionObserver> observers) {
    List<ProjectionObserver> copy = List.copyOf(observers);
    return copy.size() == 1 ? copy.get(0) : new ObserverFanout(copy);
  }

  /**
   * Tells how one batch ended, on the thread that started it.
   *
   * <p>Called exactly once per batch started.
   */
  @FunctionalInterface
  interface BatchObservation {

    /** An observation that ignores the end. */
    BatchObservation IGNORED = end -> {};

    /**
     * The batch has ended.
     *
     * @param end how it ended
     */
    void ended(BatchEnd end);
  }

  /**
   * How a batch ended.
   *
   * @param eventsTakenIn how many events of the worker's segment took effect
   * @param outcome how it ended
   * @param error the failure if it failed or parked, otherwise the empty string
   */
  record BatchEnd(long eventsTakenIn, BatchResult outcome, String error) {

    /** Rejects nulls. */
    public BatchEnd {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The ways a batch ends. */
  enum BatchResult {
    /** The events took effect, or another runner had already taken them in. */
    OK,
    /** The projector kept failing on an event, and the projection parked there. */
    PARKED,
    /** Storage, the log or a sink failed: the worker waits and reads the batch again. */
    ERROR
  }
}
