package dev.boulevard.spring.boot.actuate;

import dev.boulevard.readmodel.projection.ProjectionStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the endpoint and the health indicator report of one projection or process manager.
 *
 * @param name its name
 * @param kind {@code projection} or {@code process-manager}
 * @param state what it is doing, as {@link dev.boulevard.readmodel.projection.ProjectionState}
 *     names it
 * @param position the global position of the last event its read models took in
 * @param behind how many positions the log's head is ahead of it
 * @param lastError its last failure since the start, or null
 * @param parked where it is parked, or null when it is not
 * @param owner the runner that holds its lease, or null when none does
 */
public record ProjectionReport(
    String name,
    String kind,
    String state,
    long position,
    long behind,
    @Nullable String lastError,
    @Nullable Parked parked,
    @Nullable String owner) {

  /** Rejects a null name, kind or state. */
  public ProjectionReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
  }

  /**
   * Reports a status.
   *
   * @param status the runner's status of it
   * @param kind {@code projection} or {@code process-manager}
   * @return the report
   */
  public static ProjectionReport of(ProjectionStatus status, String kind) {
    return new ProjectionReport(
        status.name(),
        kind,
        status.state().name(),
        status.checkpoint().position(),
        status.behind(),
        status.lastError().orElse(null),
        status
            .parked()
            .map(p -> new Parked(p.position(), p.eventType(), p.error(), p.parkedAt().toString()))
            .orElse(null),
        status.lease().flatMap(lease -> lease.owner()).orElse(null));
  }

  /**
   * The event a projection is parked at.
   *
   * @param position the event's global position
   * @param eventType the event's stored type
   * @param error the failure it is parked on
   * @param parkedAt when it was parked, ISO-8601
   */
  public record Parked(long position, String eventType, String error, String parkedAt) {}
}
