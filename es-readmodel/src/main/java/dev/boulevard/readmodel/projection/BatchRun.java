package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch for a worker: all of it in one transaction if it can; otherwise the events
 * before the failing one, then the failing one alone with retries, then a park.
 */
final class BatchRun {

  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);
  private static final int DONE = -1;
  private static final int ABANDONED = -2;

  private final ProjectionWorker worker;
  private final List<LoggedMessage> batch;

  BatchRun(ProjectionWorker worker, List<LoggedMessage> batch) {
    this.worker = worker;
    this.batch = batch;
  }

  void handle() {
    int failedAt = apply(0, batch.size());
    if (failedAt < 0) {
      return;
    }
    boolean transactional = worker.settings.storage().isTransactional();
    if (failedAt > 0 && transactional && apply(0, failedAt) != DONE) {
      worker.settle(); // what went through a moment ago failed now: start over from the log
      return;
    }
    RetryPolicy retry = worker.settings.retry();
    for (int attempt = 1; attempt < retry.attempts() && !worker.stopping; attempt++) {
      worker.state = ProjectionState.RETRYING;
      worker.pause(retry.pauseAfter(attempt));
      if (apply(failedAt, failedAt + 1) < 0) {
        return; // done, or abandoned because another runner moved the checkpoint
      }
    }
    if (!worker.stopping) {
      worker.park(batch.get(failedAt));
    }
  }

  /**
   * Handles events {@code from} to {@code to} and moves the checkpoint past them, together.
   *
   * @return {@link #DONE} if they took effect, {@link #ABANDONED} if another runner had moved the
   *     checkpoint, or the index of the event the projector failed on
   */
  private int apply(int from, int to) {
    Checkpoint expected = worker.checkpoint;
    var failure = new int[] {-1};
    try {
      worker
          .settings
          .storage()
          .inTransaction(
              () -> {
                for (int i = from; i < to; i++) {
                  try {
                    worker.projector.handle(batch.get(i).message());
                  } catch (Throwable e) {
                    throw failed(e, i, from, expected, failure);
                  }
                }
                moveCheckpoint(expected, batch.get(to - 1).checkpoint());
                return null;
              });
    } catch (CheckpointMoved e) {
      LOG.debug("Projection {}: another runner moved its checkpoint", worker.name);
      worker.reload();
      worker.settle();
      return ABANDONED;
    } catch (ProjectorFailed e) {
      return failure[0];
    }
    worker.committed(batch.get(to - 1).checkpoint(), to - from);
    return DONE;
  }

  /**
   * Sorts out a failure of the projector on event {@code i}: what to throw to end the transaction.
   */
  private RuntimeException failed(
      Throwable e, int i, int from, Checkpoint expected, int[] failure) {
    if (Failures.isFatal(e)) {
      throw (VirtualMachineError) e;
    }
    if (Failures.isTransient(e) && e instanceof RuntimeException storage) {
      return storage; // the storage's connection, not the event: waited out by the worker
    }
    failure[0] = i;
    worker.lastError = Failures.describe(e);
    if (i > from && !worker.settings.storage().isTransactional()) {
      // Without transactions the writes before the failing event have happened.
      moveCheckpoint(expected, batch.get(i - 1).checkpoint());
      worker.committed(batch.get(i - 1).checkpoint(), i - from);
    }
    return new ProjectorFailed(e);
  }

  /** Moves the stored checkpoint, inside the storage's transaction. */
  private void moveCheckpoint(Checkpoint expected, Checkpoint next) {
    ProjectionStore store = worker.settings.store();
    if (!store.advance(worker.name, worker.generation, expected, next)) {
      throw new CheckpointMoved();
    }
    if (worker.storedPark != null) {
      store.park(worker.name, worker.generation, null);
    }
  }

  /** Another runner moved this generation's checkpoint: the batch is rolled back and re-read. */
  private static final class CheckpointMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckpointMoved() {
      super(null, null, false, false);
    }
  }

  /** The projector failed on an event: the transaction is rolled back. */
  private static final class ProjectorFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProjectorFailed(Throwable cause) {
      super(cause);
    }
  }
}
