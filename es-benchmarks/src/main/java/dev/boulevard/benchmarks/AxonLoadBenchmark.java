package dev.boulevard.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link LoadBenchmark}'s peer on PostgreSQL: loads one aggregate through Axon's {@code
 * JdbcEventStorageEngine#readEvents(String)} ({@link AxonStore}), decoding every event's payload.
 * Axon reads an aggregate in queries of its default batch size, 100 events. No {@code database}
 * parameter: see {@link AxonAppendBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AxonLoadBenchmark {

  /** How many events the aggregate has. */
  @Param({"1000"})
  public int events;

  private AxonStore axon;

  /** Stores the aggregate, 100 events per append. */
  @Setup(Level.Trial)
  public void storeAggregate() throws SQLException {
    axon = new AxonStore("bench_axon_load_" + System.nanoTime() % 1_000_000, 4, 100);
    axon.appendAggregate("a", events, 100);
    axon.analyze();
  }

  /** Drops Axon's tables. */
  @TearDown(Level.Trial)
  public void dropTables() throws SQLException {
    axon.close();
  }

  /** Reads the aggregate's events through Axon's engine and decodes each payload. */
  @Benchmark
  public void axon(Blackhole sink) {
    DomainEventStream stream = axon.engine.readEvents("a");
    long read = 0;
    while (stream.hasNext()) {
      sink.consume(stream.next().getPayload());
      read++;
    }
    if (read != events) {
      throw new IllegalStateException("Axon loaded " + read + " events of " + events);
    }
  }
}
