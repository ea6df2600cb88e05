package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Four writers append batches while a killer ends their pool's connections again and again: every
 * failure is a clean exception naming the aggregate, the same store works again once the kills stop
 * (each writer then gets five appends in a row acknowledged), and the store and its global log hold
 * every acknowledged batch whole, a failed batch whole or not at all, and no gap.
 */
@Tag("reliability")
class AppendFaultTest {

  private static final int WRITERS = 4;
  private static final int KILLS = 10 * ReliabilityReport.ROUNDS;

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Faults {

    private final TestDatabase database;
    private final TestStores stores;
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
    private MarkedConnections connections;
    private HikariDataSource pool;

    Faults(TestDatabase database) {
      this.database = database;
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void openPool() {
      database.dataSource(); // skips, or fails in CI, if the database is unreachable
      connections =
          new MarkedConnections(
              database, "boulevard-append-fault-" + ProcessHandle.current().pid());
      pool = connections.pool(WRITERS + 4);
    }

    @AfterEach
    void stop() throws Exception {
      threads.shutdownNow();
      pool.close();
      stores.close();
    }

    @Test
    void killed_connections_lose_nothing_acknowledged_and_leave_no_partial_batch()
        throws Exception {
      String table = stores.newTable();
      JdbcSchema.eventStore(database.dataSource(), table).migrate();
      JdbcEventStore store =
          JdbcEventStore.builder(pool, TestStores.SERIALIZER).table(table).build();
      var killing = new AtomicBoolean(true);
      long start = System.nanoTime();
      var writers = new ArrayList<FaultWriter>();
      var running = new ArrayList<Future<List<Batch>>>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(new FaultWriter(w, store, killing));
        running.add(threads.submit(writers.get(w)));
      }
      Map<String, Integer> hits;
      try {
        hits =
            threads.submit(new PoolKiller(database, connections, KILLS)).get(600, TimeUnit.SECONDS);
      } finally {
        killing.set(false);
      }
      List<List<Batch>> batches = finish(running);
      double seconds = (System.nanoTime() - start) / 1e9;

      var streams = new BatchAudit(batches);
      for (int w = 0; w < WRITERS; w++) {
        for (int a = 0; a < FaultWriter.AGGREGATES; a++) {
          try (Stream<DomainMessage> stream =
              store.streamFromPlayhead(FaultWriter.aggregate(w, a), 0)) {
            stream.forEach(streams::accept);
          }
        }
      }
      BatchAudit.Tally stored = streams.tally();
      var log = new BatchAudit(batches);
      WholeLog.read(store, stored.events(), logged -> log.accept(logged.message()));
      BatchAudit.Tally logged = log.tally();
      store.close();
      report(seconds, hits, batches, writers, stored, logged);

      assertThat(stored.lost()).as("acknowledged events missing from the streams").isZero();
      assertThat(stored.partial()).as("batches stored in part").isZero();
      assertThat(stored.duplicated()).as("events stored twice").isZero();
      assertThat(stored.phantom()).as("events of no batch").isZero();
      assertThat(stored.misplaced()).as("events at another playhead").isZero();
      assertThat(stored.gaps()).as("gaps in the streams").isZero();
      assertThat(logged).as("the global log, read from the start").isEqualTo(stored);
      assertThat(log.streams()).as("the log's events per stream").isEqualTo(streams.streams());
      assertThat(hits.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(KILLS);
    }

    private void report(
        double seconds,
        Map<String, Integer> hits,
        List<List<Batch>> batches,
        List<FaultWriter> writers,
        BatchAudit.Tally stored,
        BatchAudit.Tally logged) {
      long attempted = batches.stream().mapToLong(List::size).sum();
      long acknowledged =
          batches.stream().flatMap(List::stream).filter(Batch::acknowledged).count();
      new ReliabilityReport(AppendFaultTest.class, database, seconds)
          .with("writers", WRITERS)
          .with("kills", hits.values().stream().mapToInt(Integer::intValue).sum())
          .with("killsRunningAStatement", hits.get(PoolKiller.STATEMENT))
          .with("killsIdleInATransaction", hits.get(PoolKiller.TRANSACTION))
          .with("killsIdle", hits.get(PoolKiller.IDLE))
          .with("appendsAttempted", attempted)
          .with("appendsAcknowledged", acknowledged)
          .with("appendsFailed", attempted - acknowledged)
          .with("failedButStored", stored.failedButStored())
          .with("conflicts", writers.stream().mapToInt(FaultWriter::conflicts).sum())
          .with("loadsFailed", writers.stream().mapToInt(FaultWriter::failedLoads).sum())
          .with("failedAfterKills", writers.stream().mapToInt(FaultWriter::failedAfterKills).sum())
          .with("events", stored.events())
          .with("logEvents", logged.events())
          .with("partial", stored.partial() + logged.partial())
          .with("lost", stored.lost() + logged.lost())
          .with("duplicated", stored.duplicated() + logged.duplicated())
          .with("unacknowledgedStored", stored.phantom() + logged.phantom())
          .with("misplaced", stored.misplaced() + logged.misplaced())
          .with("gaps", stored.gaps() + logged.gaps())
          .publish();
    }

    private static List<List<Batch>> finish(List<Future<List<Batch>>> running)
        throws InterruptedException {
      var batches = new ArrayList<List<Batch>>();
      for (int w = 0; w < running.size(); w++) {
        try {
          batches.add(running.get(w).get(120, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          throw new AssertionError("Writer " + w + " failed: " + cause, cause);
        }
      }
      return batches;
    }
  }

  @Nested
  class OnPostgres extends Faults {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Faults {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
