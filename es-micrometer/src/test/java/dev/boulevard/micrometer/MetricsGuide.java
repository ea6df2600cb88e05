package dev.boulevard.micrometer;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionBatch;
import dev.boulevard.readmodel.projection.ProjectionObserver;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.saga.PaymentProcess;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.Serializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The samples of docs/metrics.md. */
final class MetricsGuide {

  private static final Logger log = LoggerFactory.getLogger(MetricsGuide.class);

  void wiring(
      DataSource dataSource,
      Serializer serializer,
      ReadModelStorage storage,
      TrackingProjection balances,
      CommandBus commandBus,
      EventTypeRegistry commandTypes) {
    MeterRegistry registry = new SimpleMeterRegistry(); // or Prometheus, OTLP...
    BoulevardMetrics metrics = BoulevardMetrics.bind(registry);

    JdbcEventStore jdbcStore =
        JdbcEventStore.builder(dataSource, serializer)
            .table("events")
            .watermarkObserver(metrics.watermarkObserver()) // PostgreSQL only
            .build();

    // Appends and loads through this store are timed; give it to the repositories.
    EventStore store = metrics.observe(jdbcStore, "events");

    Projections projections =
        Projections.builder(jdbcStore, storage) // the log is the unwrapped store
            .observe(metrics.projectionObserver())
            .add(balances)
            .build();
    metrics.bindLag(projections, jdbcStore);
    projections.start();

    Sagas sagas =
        Sagas.builder(jdbcStore, storage, commandBus, commandTypes)
            .observe(metrics.projectionObserver())
            .add(new PaymentProcess())
            .build();
    metrics.bindLag(sagas, jdbcStore); // lag of each process manager, and the outbox depth
    sagas.start();
  }

  void slowBatches() {
    ProjectionObserver slowBatches =
        new ProjectionObserver() {
          @Override
          public BatchObservation batchStarted(ProjectionBatch batch) {
            long start = System.nanoTime();
            return end -> {
              long millis = (System.nanoTime() - start) / 1_000_000;
              if (millis > 1_000) {
                log.warn(
                    "{}: {} events took {} ms", batch.projection(), batch.events().size(), millis);
              }
            };
          }
        };
  }
}
