package dev.boulevard.spring.boot.metrics;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStoreBuilder;
import dev.boulevard.micrometer.BoulevardMetrics;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.readmodel.saga.SagasBuilder;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Installs es-micrometer's observers and gauges, or nothing when there is no meter registry. */
final class MetricsCustomizer implements BoulevardCustomizer {

  private final ObjectProvider<MeterRegistry> registries;
  private volatile Optional<BoulevardMetrics> metrics;

  MetricsCustomizer(ObjectProvider<MeterRegistry> registries) {
    this.registries = registries;
  }

  // Resolved on first use, once every bean definition is known, whatever order auto-configurations
  // ran in.
  private Optional<BoulevardMetrics> metrics() {
    Optional<BoulevardMetrics> bound = metrics;
    if (bound == null) {
      synchronized (this) {
        bound = metrics;
        if (bound == null) {
          bound = Optional.ofNullable(registries.getIfUnique()).map(BoulevardMetrics::bind);
          metrics = bound;
        }
      }
    }
    return bound;
  }

  @Override
  public void eventStore(JdbcEventStoreBuilder builder, String table) {
    metrics().ifPresent(m -> builder.watermarkObserver(m.watermarkObserver()));
  }

  @Override
  public EventStore repositoryStore(EventStore store, String table) {
    return metrics().map(m -> m.observe(store, table)).orElse(store);
  }

  @Override
  public void projections(ProjectionsBuilder builder) {
    metrics().ifPresent(m -> builder.observe(m.projectionObserver()));
  }

  @Override
  public void projectionsBuilt(Projections projections, GlobalEventLog log) {
    metrics().ifPresent(m -> m.bindLag(projections, log));
  }

  @Override
  public void sagas(SagasBuilder builder) {
    metrics().ifPresent(m -> builder.observe(m.projectionObserver()));
  }

  @Override
  public void sagasBuilt(Sagas sagas, GlobalEventLog log) {
    metrics().ifPresent(m -> m.bindLag(sagas, log));
  }
}
