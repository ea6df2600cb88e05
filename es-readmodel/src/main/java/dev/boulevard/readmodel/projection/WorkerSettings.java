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
    ThreadFactory threads) {}
