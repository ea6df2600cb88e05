package dev.boulevard.readmodel.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.saga.ProcessManager;
import java.time.Clock;

/**
 * Runs each process manager of a runner as a tracking projection: its state per correlation is a
 * read model named after it, and the commands it sends go to the outbox.
 */
final class SagaProjections {

  private SagaProjections() {}

  /** {@return the projections of a runner's process managers, not yet started} */
  static Projections build(SagasBuilder builder, Outbox outbox, CommandCodec codec) {
    ProjectionsBuilder runner =
        Projections.builder(builder.log, builder.storage)
            .stateTable(builder.stateTable)
            .retry(builder.eventRetry)
            .batchSize(builder.batchSize)
            .clock(builder.clock);
    if (builder.threads != null) {
      runner.threadFactory(builder.threads);
    }
    if (builder.node != null) {
      runner.node(builder.node);
    }
    if (builder.leaseTime != null) {
      runner.leaseTime(builder.leaseTime);
    }
    for (ProcessManager<?> manager : builder.managers) {
      runner.add(projection(manager, outbox, codec, builder.mapper, builder.clock));
    }
    builder.observers.forEach(runner::observe);
    return runner.build();
  }

  private static <S> TrackingProjection projection(
      ProcessManager<S> manager,
      Outbox outbox,
      CommandCodec codec,
      ObjectMapper mapper,
      Clock clock) {
    return TrackingProjection.named(manager.name())
        .readModel(manager.name(), StoredProcess.class)
        .projector(
            models ->
                new SagaProjector<>(
                    manager,
                    models.repository(manager.name(), StoredProcess.class),
                    outbox,
                    codec,
                    mapper,
                    clock));
  }
}
