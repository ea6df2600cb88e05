package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Reads a store's global log from the beginning, a batch at a time, without keeping it. */
final class WholeLog {

  /** Long enough for any transaction of another test run that holds PostgreSQL readers back. */
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  private static final int BATCH = 1_000;

  private WholeLog() {}

  /**
   * Hands every event of the log to the consumer, in the log's order, once at least the given
   * number of events has been read and the log has no more, or once the patience runs out.
   *
   * @return how many events were read
   */
  static long read(JdbcEventStore store, long expected, Consumer<LoggedMessage> consumer)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Checkpoint after = Checkpoint.beginning();
    long read = 0;
    while (true) {
      List<LoggedMessage> batch = store.read(after, BATCH);
      batch.forEach(consumer);
      read += batch.size();
      if (!batch.isEmpty()) {
        after = batch.get(batch.size() - 1).checkpoint();
      } else if (read >= expected || System.nanoTime() > deadline) {
        return read;
      } else {
        store.awaitEventsAfter(after, Duration.ofMillis(500));
      }
    }
  }
}
