package dev.boulevard.spring.boot;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.micrometer.BoulevardMetrics;
import dev.boulevard.opentelemetry.BoulevardTracing;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;

/** The sample of docs/tracing.md that uses metrics and tracing together. */
final class ObservabilityGuide {

  void both(
      BoulevardTracing tracing,
      BoulevardMetrics metrics,
      JdbcEventStore jdbcStore,
      ReadModelStorage storage) {
    EventStore store = tracing.trace(metrics.observe(jdbcStore, "events"), "events");
    Projections.builder(jdbcStore, storage)
        .observe(metrics.projectionObserver())
        .observe(tracing.projectionObserver());
  }
}
