package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A rebuild in progress: the worker filling the new read models, and how fast it goes.
 *
 * <p>Thread-safe: the switch-over flag is read and set under the slot's lock, the rest is volatile
 * or touched by the rebuild's worker thread only.
 */
final class RunningRebuild {

  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  private final String projection;
  private final GlobalEventLog log;
  private final Consumer<RebuildProgress> listener;
  private final long startedAt = System.nanoTime();
  private volatile ProjectionWorker worker;
  private volatile boolean done;

  private boolean promoting; // under the slot's lock

  private long lastReported = startedAt;

  RunningRebuild(String projection, GlobalEventLog log, Consumer<RebuildProgress> listener) {
    this.projection = projection;
    this.log = log;
    this.listener = listener;
  }

  /** {@return whether the switch to this rebuild has begun; called under the slot's lock} */
  boolean promoting() {
    return promoting;
  }

  /** Marks the switch to this rebuild as begun; called under the slot's lock. */
  void beginPromotion() {
    promoting = true;
  }

  void worker(ProjectionWorker worker) {
    this.worker = worker;
  }

  ProjectionWorker worker() {
    return worker;
  }

  /** Marks the rebuild done and tells the listener. */
  void finished() {
    done = true;
    listener.accept(progress());
  }

  /** Tells the listener, at most once a second; called on the worker's thread after each batch. */
  void report() {
    long now = System.nanoTime();
    if (!done && worker != null && now - lastReported >= REPORT_EVERY_NANOS) {
      lastReported = now;
      listener.accept(progress());
    }
  }

  RebuildProgress progress() {
    ProjectionWorker current = worker;
    WorkerSnapshot at = current == null ? null : current.snapshot();
    long eventsDone = at == null ? 0 : at.eventsDone();
    long left =
        done || at == null ? 0 : Math.max(0, log.head().position() - at.checkpoint().position());
    double seconds = Math.max(1e-9, (System.nanoTime() - startedAt) / 1e9);
    double rate = eventsDone / seconds;
    Optional<Duration> timeLeft =
        rate > 0 ? Optional.of(Duration.ofMillis((long) (left / rate * 1000))) : Optional.empty();
    Optional<ParkedEvent> parked = at == null ? Optional.empty() : Optional.ofNullable(at.parked());
    return new RebuildProgress(projection, eventsDone, left, rate, timeLeft, done, parked);
  }
}
