package dev.boulevard.micrometer;

import dev.boulevard.readmodel.projection.ProjectionBatch;
import dev.boulevard.readmodel.projection.ProjectionObserver;
import dev.boulevard.readmodel.spi.ParkedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/** Times projection batches and counts their events, retries and parks. Thread-safe. */
final class MeteredProjectionObserver implements ProjectionObserver {

  private final MeterRegistry registry;

  MeteredProjectionObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public BatchObservation batchStarted(ProjectionBatch batch) {
    Timer.Sample sample = Timer.start(registry);
    return end -> {
      sample.stop(
          Timer.builder(MeterNames.BATCH)
              .description("Batches a projection handled, retries and parks included")
              .tag(MeterNames.PROJECTION, batch.projection())
              .tag(MeterNames.OUTCOME, end.outcome().name().toLowerCase(Locale.ROOT))
              .register(registry));
      counter(MeterNames.PROJECTION_EVENTS, "Events a projection took in", batch.projection())
          .increment(end.eventsTakenIn());
    };
  }

  @Override
  public void retrying(String projection, int attempt, String error) {
    counter(MeterNames.RETRIES, "Retries of an event a projector failed on", projection)
        .increment();
  }

  @Override
  public void parked(String projection, ParkedEvent parked) {
    counter(MeterNames.PARKS, "Parks of a projection at an event", projection).increment();
  }

  private Counter counter(String name, String description, String projection) {
    return Counter.builder(name)
        .description(description)
        .tag(MeterNames.PROJECTION, projection)
        .register(registry);
  }
}
