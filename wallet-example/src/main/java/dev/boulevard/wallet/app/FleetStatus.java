package dev.boulevard.wallet.app;

import dev.boulevard.readmodel.projection.ProjectionLease;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Who runs what in the fleet of instances on one database, as one instance sees it: every instance
 * answers the same, but for {@code node} and {@code heldHere}.
 *
 * @param node the name under which this instance takes leases
 * @param projections the read models' projections
 * @param processManagers the process managers
 * @param publications the publications of the events to a broker; empty unless the app publishes
 */
public record FleetStatus(
    String node,
    List<Follower> projections,
    List<Follower> processManagers,
    List<Follower> publications) {

  /** Copies the lists. */
  public FleetStatus {
    projections = List.copyOf(projections);
    processManagers = List.copyOf(processManagers);
    publications = List.copyOf(publications);
  }

  /**
   * One projection or process manager: what it does, who holds its lease until when, and how far it
   * got.
   *
   * @param name its name
   * @param state what it does; {@code ELSEWHERE} when another instance runs it
   * @param owner the runner that holds its lease, or null if none does
   * @param epoch how many times its lease was taken
   * @param leaseExpiresAt when the lease lapses unless renewed, or null before it was ever taken
   * @param leaseExpired whether it lapsed: another instance may take it
   * @param heldHere whether this instance runs it
   * @param position the global position of the last event its read models took in
   * @param behind how many positions the log's head is ahead of it
   * @param parkedAt the position it is parked at, or null
   * @param lastError its last failure on this instance, or null
   */
  public record Follower(
      String name,
      ProjectionState state,
      String owner,
      long epoch,
      Instant leaseExpiresAt,
      boolean leaseExpired,
      boolean heldHere,
      long position,
      long behind,
      Long parkedAt,
      String lastError) {

    /** {@return the view of a projection's or process manager's status} */
    static Follower of(ProjectionStatus status) {
      ProjectionLease lease = status.lease().orElse(null);
      return new Follower(
          status.name(),
          status.state(),
          lease == null ? null : lease.owner().orElse(null),
          lease == null ? 0 : lease.epoch(),
          lease == null ? null : lease.expiresAt(),
          lease == null || lease.expired(),
          lease != null && lease.heldHere(),
          status.checkpoint().position(),
          status.behind(),
          status.parked().map(ParkedEvent::checkpoint).map(c -> c.position()).orElse(null),
          status.lastError().orElse(null));
    }
  }

  /** {@return the fleet as the given statuses show it} */
  static FleetStatus of(
      String node,
      List<ProjectionStatus> projections,
      List<ProjectionStatus> processManagers,
      List<ProjectionStatus> publications) {
    return new FleetStatus(
        node,
        projections.stream().map(Follower::of).toList(),
        processManagers.stream().map(Follower::of).toList(),
        publications.stream().map(Follower::of).toList());
  }
}
