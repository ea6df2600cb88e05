package dev.boulevard.readmodel.projection;

/** What a worker tells its runner, on the worker's thread. */
interface WorkerHooks {
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

  /** The runner's lease was lost: the worker rolled its last transaction back and has stopped. */
  default void leaseLost(ProjectionWorker worker) {}
}
