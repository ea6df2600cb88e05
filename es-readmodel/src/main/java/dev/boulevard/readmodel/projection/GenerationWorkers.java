package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generations of one projection's read models: a worker to fill a generation, and the dropping
 * of a generation that is no longer needed. Thread-safe: it holds no mutable state.
 */
final class GenerationWorkers {

  // the slot's category, which operators filter failed drops by
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionSlot.class);
  // Queries on other runners find the new live generation within StoredView's age; a few seconds
  // more let the queries that picked the old one finish.
  private static final long DROP_GRACE_MILLIS = 5_000;

  private final TrackingProjection projection;
  private final String unit;
  private final Segment segment;
  private final WorkerSettings settings;

  GenerationWorkers(
      TrackingProjection projection, String unit, Segment segment, WorkerSettings settings) {
    this.projection = projection;
    this.unit = unit;
    this.segment = segment;
    this.settings = settings;
  }

  /** {@return a worker, not yet started, that fills a generation's read models} */
  ProjectionWorker create(
      ProjectionStore.Generation generation, ProjectionStore.Lease lease, WorkerHooks hooks) {
    if (projection.isSink()) {
      return new ProjectionWorker(
          unit, segment, generation, null, projection.sink(), null, settings, lease, hooks);
    }
    BatchCache cache = settings.storage().isTransactional() ? new BatchCache() : null;
    var models =
        new ProjectionModels(projection, settings.storage(), generation.generation(), cache);
    return new ProjectionWorker(
        unit,
        segment,
        generation,
        projection.newProjector(models),
        null,
        cache,
        settings,
        lease,
        hooks);
  }

  /** Drops a generation's read models a moment from now, once queries that picked it are done. */
  void dropLater(int generation) {
    CompletableFuture.runAsync(
        () -> drop(generation),
        CompletableFuture.delayedExecutor(DROP_GRACE_MILLIS, TimeUnit.MILLISECONDS));
  }

  /** Drops a generation's read models; a failure is logged and left behind. */
  void drop(int generation) {
    for (String model : projection.readModels().keySet()) {
      try {
        settings.storage().drop(ProjectionModels.storedName(model, generation));
      } catch (RuntimeException e) {
        LOG.warn(
            "Projection {}: could not drop generation {} of {}: {}",
            projection.name(),
            generation,
            model,
            Failures.describe(e));
      }
    }
  }
}
