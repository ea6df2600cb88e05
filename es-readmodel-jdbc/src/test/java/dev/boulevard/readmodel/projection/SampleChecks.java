package dev.boulevard.readmodel.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples projections' checkpoints and read models in consistent snapshots, again and again on a
 * thread of its own, and counts the samples whose model does not hold exactly the events up to the
 * checkpoint; it also counts how often a projection was seen retrying.
 */
final class SampleChecks implements Runnable {

  private final SnapshotSampler sampler;
  private final LogCopy log;
  private final Projections projections;
  private final List<TallyProjection> tracked;
  private final Map<String, TallyFold> folds = new HashMap<>();
  private final Map<String, ProjectionState> lastStates = new HashMap<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopping;
  volatile long samples;
  volatile long ahead;
  volatile long behind;
  volatile long wrongSums;
  volatile long unknownCheckpoints;
  volatile long retryingSeen;

  SampleChecks(
      SnapshotSampler sampler,
      LogCopy log,
      Projections projections,
      List<TallyProjection> tracked) {
    this.sampler = sampler;
    this.log = log;
    this.projections = projections;
    this.tracked = tracked;
    tracked.forEach(p -> folds.put(p.name(), new TallyFold(p.key())));
  }

  /** Stops sampling and waits; fails if sampling itself failed. */
  void stop(Thread thread) throws InterruptedException {
    stopping = true;
    thread.join();
    if (failure.get() != null) {
      throw new AssertionError("Sampling failed", failure.get());
    }
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        for (TallyProjection projection : tracked) {
          check(projection, sampler.read(projection.name(), projection.model()));
        }
        watchStates();
        Thread.sleep(5);
      }
    } catch (Exception | AssertionError e) {
      failure.set(e);
    }
  }

  private void check(TallyProjection projection, SnapshotSampler.Sample sample) {
    int events = log.countUpTo(sample.checkpoint());
    if (events < 0) {
      log.catchUp(); // the projection read further than this copy so far
      events = log.countUpTo(sample.checkpoint());
    }
    if (events < 0) {
      unknownCheckpoints++;
      return;
    }
    var difference =
        TallyDifference.between(folds.get(projection.name()).upTo(log, events), sample.tallies());
    samples++;
    ahead += difference.lost() > 0 ? 1 : 0;
    behind += difference.duplicated() > 0 ? 1 : 0;
    wrongSums += difference.wrongSums() > 0 ? 1 : 0;
  }

  /** Counts each move into RETRYING that a look at the status catches; short ones slip through. */
  private void watchStates() {
    try {
      for (ProjectionStatus status : projections.status()) {
        ProjectionState previous = lastStates.put(status.name(), status.state());
        if (status.state() == ProjectionState.RETRYING && previous != ProjectionState.RETRYING) {
          retryingSeen++;
        }
      }
    } catch (RuntimeException killed) {
      // the status reads the log's head through the pool whose connections are being killed
    }
  }
}
