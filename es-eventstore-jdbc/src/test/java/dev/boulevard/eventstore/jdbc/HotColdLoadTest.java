package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers load and append to four hot aggregates and a thousand cold ones for a while,
 * retrying each conflict from a fresh load: afterwards the store holds every acknowledged operation
 * exactly once and whole, nothing else, with no gap, and the global log holds the same.
 */
@Tag("reliability")
class HotColdLoadTest {

  private static final int WRITERS = 16;
  private static final int SECONDS = ReliabilityReport.SECONDS;

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Load {

    private final TestDatabase database;
    private final TestStores stores;
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);

    Load(TestDatabase database) {
      this.database = database;
      this.stores = new TestStores(database);
    }

    @AfterEach
    void stop() throws Exception {
      threads.shutdownNow();
      stores.close();
    }

    @Test
    void every_acknowledged_operation_is_stored_once_and_whole_and_nothing_else() throws Exception {
      JdbcEventStore store = stores.fresh();
      long start = System.nanoTime();
      var writers = new ArrayList<HotColdWriter>();
      var running = new ArrayList<Future<List<Batch>>>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(new HotColdWriter(w, store, start + TimeUnit.SECONDS.toNanos(SECONDS)));
        running.add(threads.submit(writers.get(w)));
      }
      List<List<Batch>> batches = finish(running);
      double seconds = (System.nanoTime() - start) / 1e9;

      var streams = new BatchAudit(batches);
      for (String id : HotColdWriter.aggregates()) {
        try (Stream<DomainMessage> stream = store.streamFromPlayhead(id, 0)) {
          stream.forEach(streams::accept);
        }
      }
      BatchAudit.Tally stored = streams.tally();
      var log = new BatchAudit(batches);
      WholeLog.read(store, stored.events(), logged -> log.accept(logged.message()));
      BatchAudit.Tally logged = log.tally();
      report(seconds, batches, writers, stored, logged);

      long acknowledged = batches.stream().flatMap(List::stream).mapToLong(Batch::size).sum();
      var clean = new BatchAudit.Tally(acknowledged, 0, 0, 0, 0, 0, 0, 0);
      assertThat(stored).as("the streams, read one by one").isEqualTo(clean);
      assertThat(logged).as("the global log, read from the start").isEqualTo(clean);
      assertThat(log.streams()).as("the log's events per stream").isEqualTo(streams.streams());
    }

    private static List<List<Batch>> finish(List<Future<List<Batch>>> running)
        throws InterruptedException {
      var batches = new ArrayList<List<Batch>>();
      for (int w = 0; w < running.size(); w++) {
        try {
          batches.add(running.get(w).get(SECONDS + 300L, TimeUnit.SECONDS));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          throw new AssertionError("Writer " + w + " failed: " + cause, cause);
        }
      }
      return batches;
    }

    private void report(
        double seconds,
        List<List<Batch>> batches,
        List<HotColdWriter> writers,
        BatchAudit.Tally stored,
        BatchAudit.Tally logged) {
      long[] nanos =
          batches.stream().flatMap(List::stream).mapToLong(Batch::nanos).sorted().toArray();
      long hotAttempts = writers.stream().mapToLong(HotColdWriter::hotAttempts).sum();
      long hotConflicts = writers.stream().mapToLong(HotColdWriter::hotConflicts).sum();
      long coldAttempts = writers.stream().mapToLong(HotColdWriter::coldAttempts).sum();
      long coldConflicts = writers.stream().mapToLong(HotColdWriter::coldConflicts).sum();
      new ReliabilityReport(HotColdLoadTest.class, database, seconds)
          .with("writers", WRITERS)
          .with("aggregates", HotColdWriter.HOT + HotColdWriter.COLD)
          .with("operations", nanos.length)
          .with("events", stored.events())
          .with("operationsPerSecond", nanos.length / seconds)
          .with("eventsPerSecond", stored.events() / seconds)
          .with("attempts", hotAttempts + coldAttempts)
          .with("conflicts", hotConflicts + coldConflicts)
          .with("hotAttempts", hotAttempts)
          .with("hotConflicts", hotConflicts)
          .with("hotConflictRate", rate(hotConflicts, hotAttempts))
          .with("coldAttempts", coldAttempts)
          .with("coldConflicts", coldConflicts)
          .with("coldConflictRate", rate(coldConflicts, coldAttempts))
          .with("p50LatencyMs", percentile(nanos, 0.50) / 1e6)
          .with("p99LatencyMs", percentile(nanos, 0.99) / 1e6)
          .with("logEvents", logged.events())
          .with("lost", stored.lost() + logged.lost())
          .with("duplicated", stored.duplicated() + logged.duplicated())
          .with("unacknowledgedStored", stored.phantom() + logged.phantom())
          .with("misplaced", stored.misplaced() + logged.misplaced())
          .with("partial", stored.partial() + logged.partial())
          .with("gaps", stored.gaps() + logged.gaps())
          .publish();
    }

    private static double rate(long part, long whole) {
      return whole == 0 ? 0 : (double) part / whole;
    }

    private static double percentile(long[] sorted, double fraction) {
      return sorted.length == 0
          ? 0
          : sorted[(int) Math.min(sorted.length - 1, sorted.length * fraction)];
    }
  }

  @Nested
  class OnH2 extends Load {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends Load {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Load {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
