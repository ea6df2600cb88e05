package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractMessages;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tails the global log while writers append concurrently, one of them holding its transaction open
 * for seconds, one rolling back, and one connection idle in a transaction: the reader must see
 * every committed event exactly once, in checkpoint order, and never an event that was rolled back.
 */
class TailingTortureTest {

  private static final int FAST_WRITERS = 3;
  private static final int STREAMS_PER_WRITER = 60;
  private static final int SLOW_ROUNDS = 3;
  private static final int ROLLBACKS = 15;

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Torture {

    private final TestStores stores;
    private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
    private final Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    Torture(TestDatabase database) {
      stores = new TestStores(database);
    }

    @AfterEach
    void stop() throws Exception {
      threads.shutdownNow();
      stores.close();
    }

    @Test
    @Timeout(120)
    void a_tailing_reader_sees_every_committed_event_once_and_nothing_rolled_back()
        throws Exception {
      JdbcEventStore store = stores.fresh();
      Jdbi jdbi = Jdbi.create(stores.database().dataSource());
      try (Connection idle = stores.database().dataSource().getConnection()) {
        idleInTransaction(idle);
        var writers = new ArrayList<Future<?>>();
        for (int w = 0; w < FAST_WRITERS; w++) {
          int writer = w;
          writers.add(threads.submit(() -> fastWriter(store, writer)));
        }
        writers.add(threads.submit(() -> slowWriter(store, jdbi)));
        writers.add(threads.submit(() -> rollingBackWriter(store, jdbi)));

        List<LoggedMessage> seen = tail(store, writers);

        assertThat(seen).extracting(logged -> logged.message().eventId()).doesNotHaveDuplicates();
        Set<UUID> seenIds = new HashSet<>();
        seen.forEach(logged -> seenIds.add(logged.message().eventId()));
        assertThat(seenIds).isEqualTo(committed).doesNotContainAnyElementsOf(rolledBack);
        assertThat(rolledBack).hasSize(ROLLBACKS * 2);
        for (int i = 1; i < seen.size(); i++) {
          assertThat(seen.get(i).checkpoint()).isGreaterThan(seen.get(i - 1).checkpoint());
        }
      }
    }

    private List<LoggedMessage> tail(JdbcEventStore store, List<Future<?>> writers)
        throws Exception {
      var seen = new ArrayList<LoggedMessage>();
      Checkpoint checkpoint = Checkpoint.beginning();
      while (true) {
        boolean writersDone = writers.stream().allMatch(Future::isDone);
        List<LoggedMessage> batch = store.read(checkpoint, 50);
        seen.addAll(batch);
        if (!batch.isEmpty()) {
          checkpoint = batch.get(batch.size() - 1).checkpoint();
        } else if (writersDone) {
          for (Future<?> writer : writers) {
            writer.get(); // rethrows a writer's failure
          }
          if (store.read(checkpoint, 1).isEmpty()) {
            return seen;
          }
        } else {
          store.awaitEventsAfter(checkpoint, Duration.ofMillis(200));
        }
      }
    }

    private void fastWriter(JdbcEventStore store, int writer) {
      for (int s = 0; s < STREAMS_PER_WRITER; s++) {
        String id = "fast-" + writer + "-" + s;
        DomainEventStream stream = ContractMessages.deposits(id, 0, 1 + s % 3);
        store.append(id, stream);
        record(committed, stream);
      }
    }

    private Void slowWriter(JdbcEventStore store, Jdbi jdbi) throws InterruptedException {
      for (int round = 0; round < SLOW_ROUNDS; round++) {
        String id = "slow-" + round;
        DomainEventStream stream = ContractMessages.deposits(id, 0, 2);
        jdbi.useTransaction(
            handle -> {
              store.append(handle, id, stream);
              // Holding the transaction open is the point of this writer: on PostgreSQL its
              // events get low positions but commit after many others.
              TimeUnit.MILLISECONDS.sleep(1500);
            });
        record(committed, stream);
      }
      return null;
    }

    private void rollingBackWriter(JdbcEventStore store, Jdbi jdbi) {
      for (int round = 0; round < ROLLBACKS; round++) {
        String id = "rolled-back-" + round;
        DomainEventStream stream = ContractMessages.deposits(id, 0, 2);
        try {
          jdbi.useTransaction(
              handle -> {
                store.append(handle, id, stream);
                throw new RollBack();
              });
        } catch (RollBack expected) {
          record(rolledBack, stream);
        }
      }
    }

    private static void idleInTransaction(Connection idle) throws Exception {
      idle.setAutoCommit(false);
      try (Statement statement = idle.createStatement()) {
        statement.execute("SELECT 1");
      }
    }

    private static void record(Set<UUID> ids, DomainEventStream stream) {
      stream.stream().map(DomainMessage::eventId).forEach(ids::add);
    }
  }

  /** Rolls a writer's transaction back. */
  static final class RollBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RollBack() {
      super("rolled back on purpose");
    }
  }

  @Nested
  class OnH2 extends Torture {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends Torture {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Torture {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
