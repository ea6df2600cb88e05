package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.List;
import java.util.Optional;

/** Puts a projection's status together from its live worker's snapshot and its rebuild's. */
final class StatusAssembly {

  private StatusAssembly() {}

  /**
   * {@return the status of a projection}
   *
   * @param live its live worker, or null before the runner starts
   * @param running its rebuild, or null
   */
  static ProjectionStatus of(
      String name,
      ProjectionWorker live,
      RunningRebuild running,
      Checkpoint head,
      boolean durable,
      Optional<ProjectionLease> lease) {
    if (live == null) {
      return new ProjectionStatus(
          name,
          ProjectionState.STOPPED,
          Checkpoint.beginning(),
          head.position(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          durable,
          lease);
    }
    WorkerSnapshot at = live.snapshot(); // read once, so that the status is of one moment
    return new ProjectionStatus(
        name,
        at.state(),
        at.checkpoint(),
        Math.max(0, head.position() - at.checkpoint().position()),
        Optional.ofNullable(at.lastError()),
        Optional.ofNullable(at.parked()),
        Optional.ofNullable(running).map(RunningRebuild::progress),
        durable,
        lease);
  }

  /**
   * {@return the status of a projection that another runner runs, as the store keeps it}
   *
   * @param stored its stored generations
   */
  static ProjectionStatus elsewhere(
      String name,
      List<ProjectionStore.Generation> stored,
      Checkpoint head,
      boolean durable,
      Optional<ProjectionLease> lease) {
    Optional<ProjectionStore.Generation> live =
        stored.stream().filter(ProjectionStore.Generation::live).findFirst();
    Checkpoint at = live.map(ProjectionStore.Generation::checkpoint).orElse(Checkpoint.beginning());
    return new ProjectionStatus(
        name,
        ProjectionState.ELSEWHERE,
        at,
        Math.max(0, head.position() - at.position()),
        Optional.empty(),
        live.map(ProjectionStore.Generation::parked),
        Optional.empty(),
        durable,
        lease);
  }
}
