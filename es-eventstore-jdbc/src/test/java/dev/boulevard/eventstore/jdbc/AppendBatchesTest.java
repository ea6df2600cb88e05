package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractMessages;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Appends that wait for the append lock while another holds it run together, in one transaction,
 * each still all or nothing, and a reader tailing the log under many such writers skips nothing.
 */
class AppendBatchesTest {

  private static final int QUEUED = 6;

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Batching {

    private final TestStores stores;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private CountingDataSource counting;
    private JdbcEventStore store;
    private String table;

    Batching(TestDatabase database) {
      stores = new TestStores(database);
    }

    @AfterEach
    void stop() throws Exception {
      threads.shutdownNow();
      store.close();
      stores.close();
    }

    private void createStore() {
      table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      counting = new CountingDataSource(stores.database().dataSource());
      store = JdbcEventStore.builder(counting, TestStores.SERIALIZER).table(table).build();
    }

    @Test
    @Timeout(60)
    void appends_queued_behind_the_lock_commit_together_each_at_its_own_positions()
        throws Exception {
      createStore();
      List<Future<AppendResult>> appends;
      try (Connection holder = holdAppendLock()) {
        counting.reset();
        appends = queueBehindTheLock(List.of());
        holder.commit();
      }
      var results = new ArrayList<AppendResult>();
      for (Future<AppendResult> append : appends) {
        results.add(append.get());
      }

      assertThat(counting.connections()).isEqualTo(2); // the first append's and the batch's
      List<LoggedMessage> log = store.read(Checkpoint.beginning(), 100);
      assertThat(log).hasSize(1 + eventsOfQueued(0, QUEUED));
      for (int i = 1; i < log.size(); i++) {
        assertThat(log.get(i).checkpoint()).isGreaterThan(log.get(i - 1).checkpoint());
      }
      for (AppendResult result : results) {
        assertThat(result.checkpoint()).isEqualTo(lastLogged(log, result.aggregateId()));
      }
    }

    private static Checkpoint lastLogged(List<LoggedMessage> log, String aggregateId) {
      return log.stream()
          .filter(logged -> logged.message().aggregateId().equals(aggregateId))
          .reduce((first, second) -> second)
          .orElseThrow()
          .checkpoint();
    }

    @Test
    @Timeout(60)
    void a_taken_playhead_fails_only_its_own_append_of_the_batch() throws Exception {
      createStore();
      store.append("taken", ContractMessages.deposits("taken", 0, 1));
      List<Future<AppendResult>> appends;
      try (Connection holder = holdAppendLock()) {
        appends = queueBehindTheLock(List.of(ContractMessages.deposits("taken", 0, 1)));
        holder.commit();
      }

      assertThatThrownBy(appends.get(1)::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(DuplicatePlayheadException.class);
      appends.remove(1);
      for (Future<AppendResult> append : appends) {
        append.get();
      }
      assertThat(store.read(Checkpoint.beginning(), 100))
          .hasSize(1 + 1 + eventsOfQueued(1, QUEUED));
      assertThat(store.load("taken").size()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void a_stale_playhead_is_refused_before_the_batch_writes_and_the_others_commit_together()
        throws Exception {
      createStore();
      store.append("stale", ContractMessages.deposits("stale", 0, 2));
      List<Future<AppendResult>> appends;
      try (Connection holder = holdAppendLock()) {
        counting.reset();
        appends = queueBehindTheLock(List.of(ContractMessages.deposits("stale", 1, 1)));
        holder.commit();
      }

      assertThatThrownBy(appends.get(1)::get)
          .cause()
          .isInstanceOfSatisfying(
              DuplicatePlayheadException.class, e -> assertThat(e.playhead()).isEqualTo(1));
      appends.remove(1);
      for (Future<AppendResult> append : appends) {
        append.get();
      }
      assertThat(counting.connections()).isEqualTo(2); // no append had to run again alone
      assertThat(store.read(Checkpoint.beginning(), 100))
          .hasSize(2 + 1 + eventsOfQueued(1, QUEUED));
    }

    @Test
    @Timeout(60)
    void of_two_appends_of_one_aggregate_in_a_batch_the_first_wins_and_the_others_commit()
        throws Exception {
      createStore();
      List<Future<AppendResult>> appends;
      try (Connection holder = holdAppendLock()) {
        appends =
            queueBehindTheLock(
                List.of(
                    ContractMessages.deposits("twice", 0, 2),
                    ContractMessages.deposits("twice", 0, 1)));
        holder.commit();
      }

      assertThat(appends.get(1).get().lastPlayhead()).isEqualTo(1);
      assertThatThrownBy(appends.get(2)::get)
          .cause()
          .isInstanceOf(DuplicatePlayheadException.class);
      appends.remove(2);
      for (Future<AppendResult> append : appends) {
        append.get();
      }
      assertThat(store.load("twice").size()).isEqualTo(2);
      assertThat(store.read(Checkpoint.beginning(), 100))
          .hasSize(1 + 2 + eventsOfQueued(2, QUEUED));
    }

    @Test
    @Timeout(120)
    void a_reader_tailing_writers_of_two_stores_and_callers_transactions_sees_every_event_once()
        throws Exception {
      createStore();
      // A second store on the same table stands for another process: its batches and the
      // callers' transactions take turns with this store's batches through the database lock.
      JdbcEventStore other = stores.storeOn(table, builder -> builder);
      Jdbi jdbi = Jdbi.create(stores.database().dataSource());
      Set<UUID> committed = ConcurrentHashMap.newKeySet();
      var writers = new ArrayList<Future<?>>();
      for (int w = 0; w < 9; w++) {
        int writer = w;
        writers.add(
            threads.submit(
                () -> {
                  for (int s = 0; s < 60; s++) {
                    String id = "w-" + writer + "-" + s;
                    DomainEventStream stream = ContractMessages.deposits(id, 0, 1 + s % 4);
                    if (writer == 8) {
                      jdbi.useTransaction(handle -> store.append(handle, id, stream));
                    } else {
                      (writer % 2 == 0 ? store : other).append(id, stream);
                    }
                    stream.stream().map(DomainMessage::eventId).forEach(committed::add);
                  }
                }));
      }

      List<LoggedMessage> seen = tail(writers);

      assertThat(seen).extracting(logged -> logged.message().eventId()).doesNotHaveDuplicates();
      assertThat(seen)
          .extracting(logged -> logged.message().eventId())
          .containsExactlyInAnyOrderElementsOf(committed);
      for (int i = 1; i < seen.size(); i++) {
        assertThat(seen.get(i).checkpoint()).isGreaterThan(seen.get(i - 1).checkpoint());
      }
    }

    /** Begins a transaction that holds the append lock until the caller commits. */
    private Connection holdAppendLock() throws Exception {
      Connection holder = stores.database().dataSource().getConnection();
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.execute(DialectSql.of(Dialect.detect(holder), table).lockForAppend());
      }
      return holder;
    }

    /**
     * Starts one append that waits for the lock alone, then {@link #QUEUED} appends of 1 to 3
     * events that queue behind it: the given streams first, then streams of new aggregates.
     */
    private List<Future<AppendResult>> queueBehindTheLock(List<DomainEventStream> first) {
      var appends = new ArrayList<Future<AppendResult>>();
      appends.add(
          threads.submit(() -> store.append("first", ContractMessages.deposits("first", 0, 1))));
      await(() -> store.batches().running() && store.batches().waiting() == 0);
      for (int i = 0; i < QUEUED; i++) {
        String id = i < first.size() ? first.get(i).iterator().next().aggregateId() : "queued-" + i;
        DomainEventStream stream =
            i < first.size() ? first.get(i) : ContractMessages.deposits(id, 0, eventsOfQueued(i));
        appends.add(threads.submit(() -> store.append(id, stream)));
        int queued = i + 1;
        await(() -> store.batches().waiting() == queued); // in this order, behind the first
      }
      return appends;
    }

    /** {@return how many events the new aggregate queued as the given one appends: 1 to 3} */
    private static int eventsOfQueued(int queued) {
      return 1 + queued % 3;
    }

    private static int eventsOfQueued(int from, int to) {
      int events = 0;
      for (int queued = from; queued < to; queued++) {
        events += eventsOfQueued(queued);
      }
      return events;
    }

    private List<LoggedMessage> tail(List<Future<?>> writers) throws Exception {
      var seen = new ArrayList<LoggedMessage>();
      Checkpoint checkpoint = Checkpoint.beginning();
      while (true) {
        boolean writersDone = writers.stream().allMatch(Future::isDone);
        List<LoggedMessage> batch = store.read(checkpoint, 7);
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

    /** Spins until the condition holds: the test's timeout ends a wait in vain. */
    private static void await(BooleanSupplier condition) {
      while (!condition.getAsBoolean()) {
        Thread.onSpinWait();
      }
    }
  }

  @Nested
  class OnH2 extends Batching {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnMariaDb extends Batching {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
