package dev.boulevard.spring.boot.actuate;

import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.saga.Sagas;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the status of the application's projections and process managers and takes decisions about
 * a parked one; what the endpoint and the health indicator share. Thread-safe.
 */
public final class Statuses {

  /** The kind of a tracking projection. */
  public static final String PROJECTION = "projection";

  /** The kind of a process manager. */
  public static final String PROCESS_MANAGER = "process-manager";

  private final Projections projections;
  private final Sagas sagas; // null without process managers

  /**
   * Creates the reader.
   *
   * @param projections the projections' runner
   * @param sagas the process managers' runner, if there are process managers
   */
  public Statuses(Projections projections, Optional<Sagas> sagas) {
    this.projections = Objects.requireNonNull(projections, "projections");
    this.sagas = Objects.requireNonNull(sagas, "sagas").orElse(null);
  }

  /** {@return a report of every projection, then of every process manager} */
  public List<ProjectionReport> all() {
    List<ProjectionReport> all = new ArrayList<>();
    projections.status().forEach(s -> all.add(ProjectionReport.of(s, PROJECTION)));
    if (sagas != null) {
      sagas.status().forEach(s -> all.add(ProjectionReport.of(s, PROCESS_MANAGER)));
    }
    return all;
  }

  /**
   * Retries or skips the event a projection or process manager is parked at.
   *
   * @param name the projection's or process manager's name
   * @param action {@code resume} or {@code skip}
   * @param reason why, recorded with the decision; a default one when null or blank
   * @return its report after the decision
   * @throws ProjectionDecisionException if the name or action is unknown, or the runner refuses the
   *     decision (it is not parked, or a decision is pending)
   */
  public ProjectionReport decide(String name, String action, String reason) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    boolean skip;
    if ("skip".equals(action)) {
      skip = true;
    } else if ("resume".equals(action)) {
      skip = false;
    } else {
      throw ProjectionDecisionException.unknownAction(action);
    }
    String why =
        reason == null || reason.isBlank() ? action + " through the Actuator endpoint" : reason;
    String kind = kindOf(name);
    try {
      if (PROJECTION.equals(kind)) {
        if (skip) {
          projections.skip(name, why);
        } else {
          projections.resume(name, why);
        }
        return ProjectionReport.of(projections.status(name), kind);
      }
      if (skip) {
        sagas.skip(name, why);
      } else {
        sagas.resume(name, why);
      }
      return all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    } catch (IllegalStateException e) {
      throw ProjectionDecisionException.refused(name, action, e);
    }
  }

  private String kindOf(String name) {
    List<ProjectionReport> all = all();
    return all.stream()
        .filter(r -> r.name().equals(name))
        .map(ProjectionReport::kind)
        .findFirst()
        .orElseThrow(
            () ->
                ProjectionDecisionException.unknownName(
                    name, all.stream().map(ProjectionReport::name).toList()));
  }
}
