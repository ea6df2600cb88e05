package dev.boulevard.micrometer;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.observation.ObservedEventStore;
import dev.boulevard.observation.StoreObserver;
import dev.boulevard.observation.WatermarkObserver;
import dev.boulevard.readmodel.projection.ProjectionObserver;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.saga.Sagas;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Boulevard's metrics on one Micrometer registry: hand its observers to the store, the projections
 * and the process managers, and bind their runners for the lag and outbox gauges.
 *
 * <pre>{@code
 * BoulevardMetrics metrics = BoulevardMetrics.bind(registry);
 * EventStore store = metrics.observe(jdbcStore, "events");
 * Projections projections =
 *     Projections.builder(jdbcStore, storage).observe(metrics.projectionObserver()).add(...).build();
 * metrics.bindLag(projections, jdbcStore);
 * }</pre>
 *
 * <p>Thread-safe; meters are registered on first use, gauges when bound.
 */
public final class BoulevardMetrics {

  private final MeterRegistry registry;
  private final Clock clock;
  private final StoreObserver storeObserver;
  private final ProjectionObserver projectionObserver;

  private BoulevardMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.storeObserver = new MeteredStoreObserver(registry);
    this.projectionObserver = new MeteredProjectionObserver(registry);
  }

  /**
   * Makes the metrics of a registry, with the system's UTC clock for the lag in time.
   *
   * @param registry where the meters go
   * @return the metrics
   */
  public static BoulevardMetrics bind(MeterRegistry registry) {
    return bind(registry, Clock.systemUTC());
  }

  /**
   * Makes the metrics of a registry.
   *
   * @param registry where the meters go
   * @param clock the clock the lag in time is measured against the events' recorded-on times by
   * @return the metrics
   */
  public static BoulevardMetrics bind(MeterRegistry registry, Clock clock) {
    return new BoulevardMetrics(
        Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(clock, "clock"));
  }

  /** {@return the observer that times appends and loads, for an {@link ObservedEventStore}} */
  public StoreObserver storeObserver() {
    return storeObserver;
  }

  /**
   * Wraps an event store so that its appends and loads are measured.
   *
   * @param store the store
   * @param name the value of the {@code store} tag, such as the store's table
   * @return the measured store
   */
  public EventStore observe(EventStore store, String name) {
    return new ObservedEventStore(store, name, storeObserver);
  }

  /**
   * {@return the observer of projection batches, retries and parks, for {@code
   * ProjectionsBuilder.observe} and {@code SagasBuilder.observe}}
   */
  public ProjectionObserver projectionObserver() {
    return projectionObserver;
  }

  /** {@return the observer that times watermark holds, for {@code JdbcEventStoreBuilder}} */
  public WatermarkObserver watermarkObserver() {
    return (log, heldFor) ->
        Timer.builder(MeterNames.WATERMARK_HELD)
            .description("How long readers of the global log were held back at its watermark")
            .tag(MeterNames.LOG, log)
            .register(registry)
            .record(heldFor);
  }

  /**
   * Registers the lag gauges of every projection of a runner, as its status lists them now.
   *
   * @param projections the runner
   * @param log the log it reads, to date the first event each projection has not taken in
   */
  public void bindLag(Projections projections, GlobalEventLog log) {
    Objects.requireNonNull(projections, "projections");
    bindLag(projections::status, log);
  }

  /**
   * Registers the lag gauges of every process manager of a runner, and its outbox depth gauge.
   *
   * @param sagas the runner
   * @param log the log it reads, to date the first event each process manager has not taken in
   */
  public void bindLag(Sagas sagas, GlobalEventLog log) {
    Objects.requireNonNull(sagas, "sagas");
    bindLag(sagas::status, log);
    Gauge.builder(MeterNames.OUTBOX_DEPTH, sagas, Sagas::outboxDepth)
        .description("Commands waiting in the process managers' outbox")
        .baseUnit("commands")
        .strongReference(true)
        .register(registry);
  }

  private void bindLag(Supplier<List<ProjectionStatus>> statuses, GlobalEventLog log) {
    Objects.requireNonNull(log, "log");
    var sampler = new LagSampler(statuses, log, clock);
    for (ProjectionStatus status : statuses.get()) {
      String name = status.name();
      Gauge.builder(MeterNames.LAG_POSITIONS, sampler, s -> s.positions(name))
          .description("How many positions the log's head is ahead of the projection")
          .tag(MeterNames.PROJECTION, name)
          .strongReference(true)
          .register(registry);
      Gauge.builder(MeterNames.LAG_SECONDS, sampler, s -> s.seconds(name))
          .description("How long ago the first event the projection has not taken in was recorded")
          .tag(MeterNames.PROJECTION, name)
          .baseUnit("seconds")
          .strongReference(true)
          .register(registry);
    }
  }
}
