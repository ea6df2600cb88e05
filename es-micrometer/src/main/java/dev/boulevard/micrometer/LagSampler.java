package dev.boulevard.micrometer;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the status of a runner's projections at most once per interval, and for each that is
 * behind, when the first event it has not taken in was recorded, so that the lag gauges of all its
 * projections share one read. Thread-safe.
 */
final class LagSampler {

  private static final Logger LOG = LoggerFactory.getLogger(LagSampler.class);
  private static final long INTERVAL = Duration.ofSeconds(1).toNanos();

  private final Supplier<List<ProjectionStatus>> statuses;
  private final GlobalEventLog log;
  private final Clock clock;
  private Map<String, Lag> lags = Map.of();
  private long sampledAt;
  private boolean sampled;

  LagSampler(Supplier<List<ProjectionStatus>> statuses, GlobalEventLog log, Clock clock) {
    this.statuses = statuses;
    this.log = log;
    this.clock = clock;
  }

  /** {@return how many positions the projection is behind, or NaN if it is not known} */
  double positions(String projection) {
    Lag lag = sample().get(projection);
    return lag == null ? Double.NaN : lag.positions();
  }

  /** {@return how many seconds the projection is behind, or NaN if it is not known} */
  double seconds(String projection) {
    Lag lag = sample().get(projection);
    return lag == null ? Double.NaN : lag.seconds();
  }

  private synchronized Map<String, Lag> sample() {
    long now = System.nanoTime();
    if (sampled && now - sampledAt < INTERVAL) {
      return lags;
    }
    sampled = true;
    sampledAt = now;
    try {
      var next = new HashMap<String, Lag>();
      for (ProjectionStatus status : statuses.get()) {
        next.put(status.name(), new Lag(status.behind(), secondsBehind(status)));
      }
      lags = next;
    } catch (RuntimeException e) {
      LOG.debug("Could not read the projections' status for their lag", e);
      lags = Map.of();
    }
    return lags;
  }

  /** {@return the age of the first event after the checkpoint, or 0 if there is none} */
  private double secondsBehind(ProjectionStatus status) {
    if (status.behind() == 0) {
      return 0;
    }
    Checkpoint checkpoint = status.checkpoint();
    List<LoggedMessage> next = log.read(checkpoint, 1);
    if (next.isEmpty()) {
      return 0;
    }
    Duration age = Duration.between(next.get(0).message().recordedOn(), clock.instant());
    return Math.max(0, age.toNanos() / 1e9);
  }

  private record Lag(long positions, double seconds) {}
}
