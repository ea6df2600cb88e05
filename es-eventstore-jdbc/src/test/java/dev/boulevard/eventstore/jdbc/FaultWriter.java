package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One writer of the fault test: appends batches of 3 to 5 events to random aggregates of its own
 * while its connections are killed, and reloads an aggregate after each failed append, whose events
 * may or may not be stored. Once told the kills are over, it goes on until a run of appends
 * succeeds. A failure that is not an {@link EventStoreException} naming the aggregate ends it.
 */
final class FaultWriter implements Callable<List<Batch>> {

  static final int AGGREGATES = 20;
  private static final int RECOVERED = 5;
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  private final int writer;
  private final JdbcEventStore store;
  private final AtomicBoolean killing;
  private final List<Batch> batches = new ArrayList<>();
  private final long[] next = new long[AGGREGATES];
  private int failed;
  private int conflicts;
  private int failedLoads;
  private int failedAfterKills;

  FaultWriter(int writer, JdbcEventStore store, AtomicBoolean killing) {
    this.writer = writer;
    this.store = store;
    this.killing = killing;
    Arrays.fill(next, -1); // unknown until loaded
  }

  /** {@return the id of one of a writer's aggregates} */
  static String aggregate(int writer, int index) {
    return "w" + writer + "-" + index;
  }

  @Override
  public List<Batch> call() {
    var random = ThreadLocalRandom.current();
    while (killing.get()) {
      append(random.nextInt(AGGREGATES), random.nextInt(3, 6));
    }
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    int succeeded = 0;
    while (succeeded < RECOVERED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Writer " + writer + " did not recover: " + failedAfterKills + " failed appends");
      }
      boolean acknowledged = append(random.nextInt(AGGREGATES), random.nextInt(3, 6));
      succeeded = acknowledged ? succeeded + 1 : 0;
      failedAfterKills += acknowledged ? 0 : 1;
    }
    return batches;
  }

  /** {@return whether the append was acknowledged} */
  private boolean append(int index, int size) {
    String id = aggregate(writer, index);
    if (next[index] < 0 && !reload(index, id)) {
      return false;
    }
    long first = next[index];
    DomainEventStream events = Batch.events(writer, batches.size(), 0, id, first, size);
    long start = System.nanoTime();
    try {
      store.append(id, events);
      batches.add(new Batch(id, 0, first, size, true, System.nanoTime() - start));
      next[index] = first + size;
      return true;
    } catch (RuntimeException e) {
      requireClean(id, e);
      batches.add(new Batch(id, 0, first, size, false, System.nanoTime() - start));
      failed++;
      conflicts += e instanceof DuplicatePlayheadException ? 1 : 0;
      next[index] = -1; // stored or not: the next append reloads
      return false;
    }
  }

  private boolean reload(int index, String id) {
    try {
      DomainEventStream stored = store.loadFromPlayhead(id, 0);
      next[index] = stored.isEmpty() ? 0 : stored.messages().get(stored.size() - 1).playhead() + 1;
      return true;
    } catch (RuntimeException e) {
      requireClean(id, e);
      failedLoads++;
      return false;
    }
  }

  private void requireClean(String id, RuntimeException e) {
    if (!(e instanceof EventStoreException) || !e.getMessage().contains("'" + id + "'")) {
      throw new AssertionError(
          "Writer " + writer + " got an unclean failure for aggregate " + id + ": " + e, e);
    }
  }

  int failed() {
    return failed;
  }

  int conflicts() {
    return conflicts;
  }

  int failedLoads() {
    return failedLoads;
  }

  int failedAfterKills() {
    return failedAfterKills;
  }
}
