package dev.boulevard.messaging.nats;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;

/** Polls a condition until it holds or a generous timeout runs out. */
final class Await {

  static final Duration LONG = Duration.ofSeconds(45);

  private Await() {}

  /** Waits until the condition holds, failing with what it waited for and the state then. */
  static void until(String what, BooleanSupplier condition, Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + LONG.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("Waited " + LONG + " for " + what + "; " + state.get());
      }
      Thread.sleep(20);
    }
  }
}
