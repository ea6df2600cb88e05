package dev.boulevard.eventstore.jdbc;

/** Wakes threads that wait for new events: after local appends and on database notifications. */
final class Wakeups {

  private long generation;

  synchronized void signal() {
    generation++;
    notifyAll();
  }

  /** Waits until the next signal or the timeout, whichever comes first. */
  synchronized void await(long nanos) throws InterruptedException {
    long start = generation;
    long deadline = System.nanoTime() + nanos;
    long left = nanos;
    while (generation == start && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
  }
}
