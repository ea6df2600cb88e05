package dev.boulevard.readmodel.projection;

/** What a tracking projection is doing. */
public enum ProjectionState {
  /** Not started, or stopped. */
  STOPPED,
  /** Handling events that are already in the log. */
  CATCHING_UP,
  /** Caught up with the log, waiting for new events. */
  LIVE,
  /** Retrying an event its projector failed on, after a pause. */
  RETRYING,
  /** Stopped at an event its projector kept failing on, until resumed or told to skip it. */
  PARKED,
  /**
   * Not run by this runner: another runner of the fleet holds its lease, or is about to take it;
   * the checkpoint and park in its status are the stored ones.
   */
  ELSEWHERE
}
