package dev.boulevard.wallet.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the expired idempotency keys every few minutes on a daemon thread of its own. A clean-up
 * that fails, say while the database is down, is logged and tried again at the next turn; expired
 * keys count as absent meanwhile, so a late clean-up only costs space.
 */
final class ExpiredKeysCleanup implements AutoCloseable {

  /** How often the expired keys are deleted. */
  static final Duration EVERY = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(ExpiredKeysCleanup.class);

  private final ScheduledExecutorService thread;

  private ExpiredKeysCleanup(ScheduledExecutorService thread) {
    this.thread = thread;
  }

  /** {@return a clean-up that runs the deletion, which answers how many keys it deleted} */
  static ExpiredKeysCleanup start(IntSupplier deleteExpired) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread daemon = new Thread(task, "wallet-expired-keys");
              daemon.setDaemon(true);
              return daemon;
            });
    long millis = EVERY.toMillis();
    thread.scheduleWithFixedDelay(
        () -> runOnce(deleteExpired), millis, millis, TimeUnit.MILLISECONDS);
    return new ExpiredKeysCleanup(thread);
  }

  private static void runOnce(IntSupplier deleteExpired) {
    try {
      int deleted = deleteExpired.getAsInt();
      if (deleted > 0) {
        LOG.info("Deleted {} expired idempotency keys", deleted);
      }
    } catch (RuntimeException e) {
      // a failure would end the schedule: keep it, and try again at the next turn
      LOG.warn("Could not delete the expired idempotency keys: {}", e.toString());
    }
  }

  /** Stops the clean-up, interrupting a deletion under way. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
