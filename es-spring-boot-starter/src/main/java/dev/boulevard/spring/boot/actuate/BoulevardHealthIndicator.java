package dev.boulevard.spring.boot.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of the projections and process managers: DOWN when one is parked, naming it, its
 * position, event type and error; OUT_OF_SERVICE when one is further behind the log's head than
 * {@code boulevard.health.max-behind}, or when PostgreSQL's watermark has held the readers back
 * longer than {@code boulevard.health.max-watermark-hold}; UP otherwise. Thread-safe.
 */
public final class BoulevardHealthIndicator implements HealthIndicator {

  private final Statuses statuses;
  private final WatermarkHolds holds;
  private final long maxBehind;
  private final Duration maxHold;

  /**
   * Creates the indicator.
   *
   * @param statuses the reader of the statuses
   * @param holds the watermark's holds that go on
   * @param maxBehind how many positions behind is still in service
   * @param maxHold how long a watermark hold is still in service
   */
  public BoulevardHealthIndicator(
      Statuses statuses, WatermarkHolds holds, long maxBehind, Duration maxHold) {
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.holds = Objects.requireNonNull(holds, "holds");
    if (maxBehind < 0) {
      throw new IllegalArgumentException(
          "boulevard.health.max-behind is 0 or more, was " + maxBehind);
    }
    if (maxHold == null || maxHold.isNegative()) {
      throw new IllegalArgumentException(
          "boulevard.health.max-watermark-hold is 0 or more, was " + maxHold);
    }
    this.maxBehind = maxBehind;
    this.maxHold = maxHold;
  }

  @Override
  public Health health() {
    List<ProjectionReport> reports = statuses.all();
    Status status = Status.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    for (ProjectionReport report : reports) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("kind", report.kind());
      detail.put("state", report.state());
      detail.put("position", report.position());
      detail.put("behind", report.behind());
      if (report.parked() != null) {
        status = Status.DOWN;
        detail.put("parkedAt", report.parked().position());
        detail.put("eventType", report.parked().eventType());
        detail.put("error", report.parked().error());
      } else if (report.behind() > maxBehind) {
        if (status == Status.UP) {
          status = Status.OUT_OF_SERVICE;
        }
        detail.put("maxBehind", maxBehind);
      }
      details.put(report.name(), detail);
    }
    for (Map.Entry<String, Duration> hold : holds.current().entrySet()) {
      if (hold.getValue().compareTo(maxHold) > 0) {
        if (status == Status.UP) {
          status = Status.OUT_OF_SERVICE;
        }
        details.put(
            "watermark " + hold.getKey(),
            Map.of("heldFor", hold.getValue().toString(), "maxHold", maxHold.toString()));
      }
    }
    return Health.status(status).withDetails(details).build();
  }
}
