package dev.boulevard.eventstore.jdbc;

/** Wakes threads that wait for new events: after local appends and on database notifications. */
final class Wakeups {

  private long generation;

  synchronized void signal() {
    generation++;
    notifyAll();
  }

  /** {@return the number of signals so far, to wait for the next one without missing it} */
  synchronized long generation() {
    return generation;
  }

  /**
   * Waits until a signal comes after the given generation, or the timeout, what comes first.
   *
   * @return whether a signal came
   */
  synchronized boolean awaitAfter(long seen, long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    long left = nanos;
    while (generation == seen && left > 0) {
      wait(left / 1_000_000, (int) (left % 1_000_000));
      left = deadline - System.nanoTime();
    }
    return generation != seen;
  }
}
