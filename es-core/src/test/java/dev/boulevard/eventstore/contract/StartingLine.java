package dev.boulevard.eventstore.contract;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CyclicBarrier;

/**
 * Releases threads at one instant: they gather at a barrier, then spin until a start time just
 * after it, so that none is held back by waking up late and a fast store meets real contention.
 */
final class StartingLine {

  private static final long TIMEOUT_SECONDS = 30;
  private static final long HEAD_START_NANOS = 2_000_000;

  private final CyclicBarrier barrier;
  private volatile long startAt;

  StartingLine(int threads) {
    this.barrier = new CyclicBarrier(threads, () -> startAt = System.nanoTime() + HEAD_START_NANOS);
  }

  /** Waits until every thread has arrived, then until the common start time. */
  void await() throws Exception {
    barrier.await(TIMEOUT_SECONDS, SECONDS);
    long start = startAt;
    while (System.nanoTime() - start < 0) {
      Thread.onSpinWait();
    }
  }
}
