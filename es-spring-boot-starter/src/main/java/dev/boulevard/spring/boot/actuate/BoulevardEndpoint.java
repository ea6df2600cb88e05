package dev.boulevard.spring.boot.actuate;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code boulevard}: reading it lists the status of every projection and
 * process manager; writing {@code boulevard/{name}/resume} or {@code boulevard/{name}/skip}, with
 * an optional {@code reason}, retries or skips the event a parked one is stopped at. Thread-safe.
 */
@Endpoint(id = "boulevard")
public final class BoulevardEndpoint {

  private final Statuses statuses;

  /**
   * Creates the endpoint.
   *
   * @param statuses the reader of the statuses
   */
  public BoulevardEndpoint(Statuses statuses) {
    this.statuses = Objects.requireNonNull(statuses, "statuses");
  }

  /** {@return the status of every projection, then of every process manager} */
  @ReadOperation
  public List<ProjectionReport> projections() {
    return statuses.all();
  }

  /**
   * Resumes or skips a parked projection or process manager.
   *
   * @param name its name
   * @param action {@code resume} or {@code skip}
   * @param reason why, recorded with the decision; optional
   * @return its status after the decision
   * @throws ProjectionDecisionException if the name or action is unknown or the runner refuses
   */
  @WriteOperation
  public ProjectionReport decide(
      @Selector String name, @Selector String action, @Nullable String reason) {
    return statuses.decide(name, action, reason);
  }
}
