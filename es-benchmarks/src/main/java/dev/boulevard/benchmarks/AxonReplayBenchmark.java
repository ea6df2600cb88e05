package dev.boulevard.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
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
 * {@link ReplayBenchmark}'s peer on PostgreSQL: reads the whole global log through Axon's {@code
 * JdbcEventStorageEngine#readEvents(TrackingToken, boolean)} from the start ({@code null} token),
 * without blocking, in queries of {@code batchSize} events, each under a {@code
 * GapAwareTrackingToken}, decoding every payload: what an Axon tracking processor reads, without
 * its handlers and token store. The log is filled as {@link LogFiller} fills Boulevard's: 8
 * writers, interleaved aggregates. No {@code database} parameter: see {@link AxonAppendBenchmark}.
 *
 * <p>The primary score is replays per second; the secondary score {@code events} is events per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AxonReplayBenchmark {

  /** How many events the log holds. */
  @Param({"100000"})
  public int events;

  /** How many events each aggregate has. */
  @Param({"10"})
  public int eventsPerAggregate;

  /** How many events the engine reads per query. */
  @Param({"500"})
  public int batchSize;

  private AxonStore axon;

  /** Creates Axon's tables and fills the log. */
  @Setup(Level.Trial)
  public void fillLog() throws Exception {
    axon = new AxonStore("bench_axon_replay_" + System.nanoTime() % 1_000_000, 8, batchSize);
    long started = System.nanoTime();
    axon.fill(events, events / eventsPerAggregate, Math.min(eventsPerAggregate, 100), 8);
    axon.analyze();
    System.out.printf(
        "%nFilled Axon's log with %,d events in %.1f s%n",
        events, (System.nanoTime() - started) / 1e9);
  }

  /** Drops Axon's tables. */
  @TearDown(Level.Trial)
  public void dropTables() throws Exception {
    axon.close();
  }

  /**
   * Reads the whole log through Axon's tracked event stream and decodes each payload: the
   * counterpart of {@link ReplayBenchmark#logRead}, which results.md sets it beside.
   */
  @Benchmark
  public void axonLogRead(ReplayBenchmark.Events counter, Blackhole sink) {
    long read = 0;
    try (Stream<? extends TrackedEventMessage<?>> stream = axon.engine.readEvents(null, false)) {
      var messages = stream.iterator();
      while (messages.hasNext()) {
        TrackedEventMessage<?> message = messages.next();
        sink.consume(message.trackingToken());
        sink.consume(message.getPayload());
        read++;
      }
    }
    if (read != events) {
      throw new IllegalStateException("Axon replayed " + read + " events of " + events);
    }
    counter.events += read;
  }
}
