package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;

/**
 * What one worker is doing, as one immutable value that its worker replaces whole, so that a reader
 * never sees a state, error, park and checkpoint of different moments.
 *
 * @param state what the worker is doing
 * @param checkpoint the checkpoint of the last event it took in
 * @param lastError the last failure, or null
 * @param parked the event it is parked at, or null
 * @param eventsDone how many events it handled since it started
 */
record WorkerSnapshot(
    ProjectionState state,
    Checkpoint checkpoint,
    String lastError,
    ParkedEvent parked,
    long eventsDone) {

  WorkerSnapshot withState(ProjectionState next) {
    return new WorkerSnapshot(next, checkpoint, lastError, parked, eventsDone);
  }

  WorkerSnapshot failed(ProjectionState next, String error) {
    return new WorkerSnapshot(next, checkpoint, error, parked, eventsDone);
  }

  WorkerSnapshot parkedAt(ParkedEvent event) {
    return new WorkerSnapshot(ProjectionState.PARKED, checkpoint, event.error(), event, eventsDone);
  }

  WorkerSnapshot unparked() {
    return new WorkerSnapshot(ProjectionState.CATCHING_UP, checkpoint, lastError, null, eventsDone);
  }

  WorkerSnapshot movedTo(Checkpoint next, int events) {
    return new WorkerSnapshot(state, next, lastError, parked, eventsDone + events);
  }
}
