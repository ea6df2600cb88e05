package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Clock;
import java.util.concurrent.ThreadFactory;

/** What a worker needs besides its projector; shared by all workers of one runner. */
record WorkerSettings(
    GlobalEventLog log,
    ReadModelStorage storage,
    ProjectionStore store,
    RetryPolicy retry,
    int batchSize,
    Clock clock,
    ThreadFactory threads,
    ObserverCalls observer) {

  /** {@return a runner's settings, with its storage's projection store, made once per runner} */
  static WorkerSettings of(ProjectionsBuilder builder) {
    return new WorkerSettings(
        builder.log,
        builder.storage,
        builder.storage.projectionStore(builder.stateTable),
        builder.retry,
        builder.batchSize,
        builder.clock,
        builder.threads,
        ObserverCalls.of(builder.observers));
  }
}
