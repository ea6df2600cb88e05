package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers one batch of a sink projection: the batch's events of the worker's segment go to the
 * sink, and the checkpoint moves past them, under the lease's fence, only once the sink returned. A
 * refused event is retried alone, then parked; any other failure of the sink passes to the worker,
 * which waits and reads the batch again from the checkpoint. Not thread-safe.
 */
final class SinkRun {

  private final ProjectionWorker worker;
  private final List<LoggedMessage> batch;
  private final Checkpoint readTo; // past the batch's last event, over other segments' entries

  SinkRun(ProjectionWorker worker, List<LoggedMessage> batch, Checkpoint readTo) {
    this.worker = worker;
    this.batch = batch;
    this.readTo = readTo;
  }

  void handle() {
    Refused refused;
    try {
      deliver(0, batch.size());
      return;
    } catch (Refused e) {
      refused = e;
    }
    // Pieces of one stored event that an upcaster split share a checkpoint, which cannot fall
    // between them: the refused event's whole row is delivered again.
    int rowStart = Rows.start(batch, refused.index);
    int rowEnd = Rows.end(batch, refused.index);
    if (rowStart > 0 && !commit(batch.get(rowStart - 1).checkpoint(), rowStart)) {
      return;
    }
    RetryPolicy retry = worker.settings.retry();
    for (int attempt = 1; attempt < retry.attempts() && !worker.stopping(); attempt++) {
      worker.pause(retry.pauseAfter(attempt));
      worker.retryingAgain(attempt + 1, refused.getCause().getMessage());
      try {
        deliver(rowStart, rowEnd);
        return;
      } catch (Refused e) {
        refused = e;
      }
    }
    if (!worker.stopping()) {
      worker.park.at(batch.get(refused.index), refused.getCause().getMessage());
    }
  }

  /**
   * Delivers events {@code from} to {@code to} of the worker's segment, then moves the checkpoint
   * past them.
   */
  private void deliver(int from, int to) {
    List<LoggedMessage> mine = new ArrayList<>(to - from);
    List<Integer> indexes = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      if (worker.segment.owns(batch.get(i).message().aggregateId())) {
        mine.add(batch.get(i));
        indexes.add(i);
      }
    }
    if (!mine.isEmpty()) {
      try {
        worker.sink.deliver(List.copyOf(mine));
      } catch (RefusedEventException e) {
        if (e.index() >= mine.size()) {
          throw new IllegalStateException(
              "Projection "
                  + worker.name
                  + ": its sink refused event "
                  + e.index()
                  + " of a batch of "
                  + mine.size(),
              e);
        }
        worker.retrying(e.getMessage());
        throw new Refused(indexes.get(e.index()), e);
      }
    }
    commit(to == batch.size() ? readTo : batch.get(to - 1).checkpoint(), to - from);
  }

  /**
   * Moves the stored checkpoint to {@code next}, if this runner still holds the lease and no other
   * moved it.
   *
   * @return whether it moved; if another runner moved it, the worker reads it again
   */
  private boolean commit(Checkpoint next, int events) {
    Checkpoint expected = worker.checkpoint();
    if (!worker.settings.storage().isTransactional()) {
      worker.fence();
    }
    boolean moved =
        worker
            .settings
            .storage()
            .inTransaction(
                () -> {
                  worker.fence();
                  if (!worker
                      .settings
                      .store()
                      .advance(worker.name, worker.generation, expected, next)) {
                    return false;
                  }
                  if (worker.park.isStored()) {
                    worker.settings.store().park(worker.name, worker.generation, null);
                  }
                  return true;
                });
    if (!moved) {
      worker.reload();
      worker.settle();
      return false;
    }
    worker.committed(next, events);
    return true;
  }

  /** The sink refused the batch's event at {@code index}. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int index;

    Refused(int index, RefusedEventException cause) {
      super(cause);
      this.index = index;
    }
  }
}
