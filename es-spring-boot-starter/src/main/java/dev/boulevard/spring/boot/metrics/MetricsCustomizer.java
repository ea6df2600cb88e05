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
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/** Installs es-micrometer's observers and gauges, or nothing when there is no meter registry. */
final class MetricsCustomizer implements BoulevardCustomizer {

  private final @Nullable BoulevardMetrics metrics;

  /**
   * Binds to the application's registry when the customizer is made, as the starter builds its
   * store: every bean definition is known by then, whatever order the auto-configurations ran in.
   */
  MetricsCustomizer(ObjectProvider<MeterRegistry> registries) {
    MeterRegistry registry = registries.getIfUnique();
    this.metrics = registry == null ? null : BoulevardMetrics.bind(registry);
  }

  @Override
  public void eventStore(JdbcEventStoreBuilder builder, String table) {
    if (metrics != null) {
      builder.watermarkObserver(metrics.watermarkObserver());
    }
  }

  @Override
  public EventStore repositoryStore(EventStore store, String table) {
    return metrics == null ? store : metrics.observe(store, table);
  }

  @Override
  public void projections(ProjectionsBuilder builder) {
    if (metrics != null) {
      builder.observe(metrics.projectionObserver());
    }
  }

  @Override
  public void projectionsBuilt(Projections projections, GlobalEventLog log) {
    if (metrics != null) {
      metrics.bindLag(projections, log);
    }
  }

  @Override
  public void sagas(SagasBuilder builder) {
    if (metrics != null) {
      builder.observe(metrics.projectionObserver());
    }
  }

  @Override
  public void sagasBuilt(Sagas sagas, GlobalEventLog log) {
    if (metrics != null) {
      metrics.bindLag(sagas, log);
    }
  }
}
