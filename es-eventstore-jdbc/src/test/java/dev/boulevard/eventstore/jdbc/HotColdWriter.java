package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One writer of the hot and cold load: until its deadline, it picks a hot aggregate half of the
 * time and a cold one otherwise, loads its stream and appends 1 to 3 events at the next playhead,
 * again from a fresh load after each conflict. Any other failure ends it.
 */
final class HotColdWriter implements Callable<List<Batch>> {

  static final int HOT = 4;
  static final int COLD = 1_000;

  private final int writer;
  private final JdbcEventStore store;
  private final long deadline;
  private final List<Batch> acknowledged = new ArrayList<>();
  private long hotAttempts;
  private long hotConflicts;
  private long coldAttempts;
  private long coldConflicts;

  HotColdWriter(int writer, JdbcEventStore store, long deadline) {
    this.writer = writer;
    this.store = store;
    this.deadline = deadline;
  }

  /** {@return the ids of every aggregate the writers may pick} */
  static List<String> aggregates() {
    var ids = new ArrayList<String>();
    for (int i = 0; i < HOT; i++) {
      ids.add("hot-" + i);
    }
    for (int i = 0; i < COLD; i++) {
      ids.add("cold-" + i);
    }
    return ids;
  }

  @Override
  public List<Batch> call() {
    var random = ThreadLocalRandom.current();
    while (System.nanoTime() < deadline) {
      boolean hot = random.nextBoolean();
      String id = hot ? "hot-" + random.nextInt(HOT) : "cold-" + random.nextInt(COLD);
      acknowledged.add(operate(id, hot, 1 + random.nextInt(3)));
    }
    return acknowledged;
  }

  /** Appends one operation, retrying it from a fresh load until no other writer wins the race. */
  private Batch operate(String id, boolean hot, int size) {
    long start = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      DomainEventStream stored = store.loadFromPlayhead(id, 0);
      long next = stored.isEmpty() ? 0 : stored.messages().get(stored.size() - 1).playhead() + 1;
      int operation = acknowledged.size();
      try {
        if (hot) {
          hotAttempts++;
        } else {
          coldAttempts++;
        }
        store.append(id, Batch.events(writer, operation, attempt, id, next, size));
        return new Batch(id, attempt, next, size, true, System.nanoTime() - start);
      } catch (DuplicatePlayheadException conflict) {
        if (hot) {
          hotConflicts++;
        } else {
          coldConflicts++;
        }
      }
    }
  }

  long hotAttempts() {
    return hotAttempts;
  }

  long hotConflicts() {
    return hotConflicts;
  }

  long coldAttempts() {
    return coldAttempts;
  }

  long coldConflicts() {
    return coldConflicts;
  }
}
