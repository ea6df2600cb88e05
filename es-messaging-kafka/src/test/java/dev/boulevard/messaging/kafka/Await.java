package dev.boulevard.messaging.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that other threads bring about, failing with what was seen at the end. */
final class Await {

  private Await() {}

  /**
   * Waits until the condition holds.
   *
   * @param timeout how long to wait at most: generous, since a slow machine only makes it slower
   * @param condition what to wait for
   * @param seen what was seen, for the failure's message
   * @throws AssertionError if the time ran out
   */
  static void until(Duration timeout, BooleanSupplier condition, Supplier<String> seen)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + timeout + " in vain; seen: " + seen.get());
      }
      Thread.sleep(20);
    }
  }
}
