package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.readmodel.spi.ProjectionStore;
import dev.boulevard.tracing.TraceContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one batch for a worker: all of it in one transaction if it can; otherwise the events
 * before the failing one, then the failing one alone with retries, then a park. It tells the worker
 * what happened through the worker's methods, on the worker's thread. Not thread-safe.
 */
final class BatchRun {

  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

  private final ProjectionWorker worker;
  private final List<LoggedMessage> batch;
  private final Checkpoint readTo; // past the batch's last event, over other segments' entries
  private String lastError; // the projector's last failure, which a park reports

  BatchRun(ProjectionWorker worker, List<LoggedMessage> batch, Checkpoint readTo) {
    this.worker = worker;
    this.batch = batch;
    this.readTo = readTo;
  }

  /** {@return the checkpoint to move to once the events before {@code to} are handled} */
  private Checkpoint checkpointAfter(int to) {
    return to == batch.size() ? readTo : batch.get(to - 1).checkpoint();
  }

  void handle() {
    BatchOutcome outcome = apply(0, batch.size(), worker.cache);
    if (outcome instanceof BatchOutcome.CacheFailed) {
      outcome = apply(0, batch.size(), null); // model by model, to find the event at fault
    }
    if (outcome instanceof BatchOutcome.ProjectorFailed failed) {
      retryThenPark(failed.index());
    }
  }

  private void retryThenPark(int failedAt) {
    boolean transactional = worker.settings.storage().isTransactional();
    // The pieces of a stored event that an upcaster split share one checkpoint: they are retried
    // together, since a checkpoint cannot fall between them.
    int rowStart = Rows.start(batch, failedAt);
    int rowEnd = Rows.end(batch, failedAt);
    if (rowStart > 0 && transactional && !(apply(0, rowStart, null) instanceof BatchOutcome.Done)) {
      worker.settle(); // what went through a moment ago failed now: start over from the log
      return;
    }
    int retryFrom = transactional ? rowStart : failedAt; // without transactions, the rest is done
    RetryPolicy retry = worker.settings.retry();
    for (int attempt = 1; attempt < retry.attempts() && !worker.stopping(); attempt++) {
      worker.pause(retry.pauseAfter(attempt));
      worker.retryingAgain(attempt + 1, lastError);
      BatchOutcome again = apply(retryFrom, rowEnd, null);
      if (!(again instanceof BatchOutcome.ProjectorFailed failed)) {
        return; // done, or abandoned because another runner moved the checkpoint
      }
      failedAt = failed.index();
    }
    if (!worker.stopping()) {
      worker.park.at(batch.get(failedAt), lastError);
    }
  }

  /**
   * Handles events {@code from} to {@code to} and moves the checkpoint past them, together.
   *
   * @param cache the cache to run the batch with, or null
   * @return how it ended
   */
  private BatchOutcome apply(int from, int to, BatchCache cache) {
    Checkpoint expected = worker.checkpoint();
    if (!worker.settings.storage().isTransactional()) {
      // Nothing undoes writes without transactions: check the lease before them as well as after.
      worker.fence();
    }
    try {
      worker
          .settings
          .storage()
          .inTransaction(
              () -> {
                if (cache != null) {
                  cache.begin();
                }
                try {
                  for (int i = from; i < to; i++) {
                    DomainMessage message = batch.get(i).message();
                    if (!worker.segment.owns(message.aggregateId())) {
                      continue; // another segment's; its checkpoint moves past it all the same
                    }
                    try {
                      handleTraced(message);
                    } catch (Throwable e) {
                      throw failed(e, i, from, expected);
                    }
                  }
                  if (cache != null) {
                    flush(cache);
                  }
                  moveCheckpoint(expected, checkpointAfter(to));
                } finally {
                  if (cache != null) {
                    cache.end();
                  }
                }
                return null;
              });
    } catch (CacheFailed e) {
      LOG.debug(
          "Projection {}: writing a batch's models failed; again, model by model", worker.name);
      return new BatchOutcome.CacheFailed();
    } catch (CheckpointMoved e) {
      LOG.debug("Projection {}: another runner moved its checkpoint", worker.name);
      worker.reload();
      worker.settle();
      return new BatchOutcome.Abandoned();
    } catch (ProjectorFailed e) {
      return new BatchOutcome.ProjectorFailed(e.index);
    }
    // LeaseLost passes: the worker stops
    worker.committed(checkpointAfter(to), to - from);
    return new BatchOutcome.Done();
  }

  /** Hands an event to the projector with the trace context it carries as the current one. */
  private void handleTraced(DomainMessage message) {
    TraceContext.callWith(
        TraceContext.of(message).orElse(null),
        () -> {
          worker.projector.handle(message);
          return null;
        });
  }

  /**
   * Sorts out a failure of the projector on event {@code i}: what to throw to end the transaction.
   */
  private RuntimeException failed(Throwable e, int i, int from, Checkpoint expected) {
    if (Failures.isFatal(e)) {
      throw (VirtualMachineError) e;
    }
    if (worker.settings.storage().isTransient(e) && e instanceof RuntimeException storage) {
      return storage; // the storage's connection, not the event: waited out by the worker
    }
    lastError = Failures.describe(e);
    worker.retrying(lastError);
    int done = Rows.start(batch, i);
    if (done > from && !worker.settings.storage().isTransactional()) {
      // Without transactions the writes before the failing event's row have happened.
      moveCheckpoint(expected, batch.get(done - 1).checkpoint());
      worker.committed(batch.get(done - 1).checkpoint(), done - from);
    }
    return new ProjectorFailed(e, i);
  }

  /**
   * Writes the cached models; a failure that is not the storage's to wait out ends the transaction
   * with {@link CacheFailed}, so that the batch runs again without the cache.
   */
  private void flush(BatchCache cache) {
    try {
      cache.flush();
    } catch (RuntimeException e) {
      if (worker.settings.storage().isTransient(e)) {
        throw e;
      }
      throw new CacheFailed(e);
    }
  }

  /** Moves the stored checkpoint, inside the storage's transaction. */
  private void moveCheckpoint(Checkpoint expected, Checkpoint next) {
    ProjectionStore store = worker.settings.store();
    worker.fence();
    if (!store.advance(worker.name, worker.generation, expected, next)) {
      throw new CheckpointMoved();
    }
    if (worker.park.isStored()) {
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

  /** Writing the cached models failed: the transaction is rolled back. */
  private static final class CacheFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CacheFailed(Throwable cause) {
      super(cause);
    }
  }

  /** The projector failed on an event: the transaction is rolled back. */
  private static final class ProjectorFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int index;

    ProjectorFailed(Throwable cause, int index) {
      super(cause);
      this.index = index;
    }
  }
}
