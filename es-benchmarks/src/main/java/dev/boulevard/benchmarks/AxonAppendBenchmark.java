package dev.boulevard.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link AppendBenchmark}'s peer on PostgreSQL: appends new streams through Axon's {@code
 * JdbcEventStorageEngine} ({@link AxonStore}), one transaction each. It has no {@code database}
 * parameter, so a run's {@code -p database=...} leaves it on PostgreSQL; the same run's include
 * pattern {@code AppendBenchmark} matches it, and results.md sets its score beside {@code
 * AppendBenchmark.boulevard} in the PostgreSQL scenario of the same stream size and threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AxonAppendBenchmark {

  /** How many events each appended stream holds. */
  @Param({"10"})
  public int eventsPerStream;

  private final AtomicLong ids = new AtomicLong();
  private AxonStore axon;

  /** Creates Axon's tables. */
  @Setup(Level.Trial)
  public void createTables() {
    axon = new AxonStore("bench_axon_append_" + System.nanoTime() % 1_000_000, 16, 100);
  }

  /** Drops Axon's tables. */
  @TearDown(Level.Trial)
  public void dropTables() throws SQLException {
    axon.close();
  }

  /** Appends one new stream through Axon's engine, building and serializing its events. */
  @Benchmark
  public void axon() {
    String id = "x-" + ids.incrementAndGet();
    axon.engine.appendEvents(AxonStore.deposits(id, 0, eventsPerStream));
  }
}
