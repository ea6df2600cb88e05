package dev.boulevard.readmodel.projection;

/** How handling a run of a batch's events ended. */
sealed interface BatchOutcome {

  /** The events took effect and the checkpoint moved past them. */
  record Done() implements BatchOutcome {}

  /** Another runner had moved the checkpoint: nothing took effect. */
  record Abandoned() implements BatchOutcome {}

  /** Writing the cached models failed: nothing took effect, the batch runs again uncached. */
  record CacheFailed() implements BatchOutcome {}

  /**
   * The projector failed on an event: nothing took effect, except, without transactions, the rows
   * before it.
   *
   * @param index the failing event's index in the batch
   */
  record ProjectorFailed(int index) implements BatchOutcome {}
}
