package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import java.util.Optional;

/** One projection of a runner: its definition, its live worker, and its rebuild if one runs. */
final class ProjectionSlot {

  final TrackingProjection projection;
  volatile ProjectionWorker live;
  volatile RunningRebuild rebuild;

  ProjectionSlot(TrackingProjection projection) {
    this.projection = projection;
  }

  String name() {
    return projection.name();
  }

  ProjectionStatus status(Checkpoint head) {
    ProjectionWorker worker = live;
    RunningRebuild running = rebuild;
    if (worker == null) {
      return new ProjectionStatus(
          name(),
          ProjectionState.STOPPED,
          Checkpoint.beginning(),
          head.position(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    return new ProjectionStatus(
        name(),
        worker.state(),
        worker.checkpoint(),
        Math.max(0, head.position() - worker.checkpoint().position()),
        worker.lastError(),
        worker.parked(),
        Optional.ofNullable(running).map(RunningRebuild::progress));
  }
}
