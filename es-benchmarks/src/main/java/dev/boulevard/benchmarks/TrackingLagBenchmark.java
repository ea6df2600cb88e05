package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStoreBuilder;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The lag of a tracking projection, on an idle system or under the load of {@code
 * backgroundWriters} threads appending through another store: each invocation's set-up pauses a
 * random 0 to {@code maxPauseMillis} ms and appends one event; the measured operation waits until
 * the projector has handled it. JMH's sampled times (p50, p99, max) thus run from the append's
 * commit returning to the projector's handler being done, plus the microseconds it takes the
 * waiting thread to wake; the exact lags, stamped by the projector, are printed at the end of the
 * trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 10)
@Fork(1)
public class TrackingLagBenchmark {

  /** Who appends: the projections' own store, or another store on the same table. */
  public enum Appender {
    /** The store the projections read, which wakes them at once after a local append. */
    SAME_STORE,
    /** Another store on the same table, as another process would: woken by the database. */
    OTHER_STORE,
    /**
     * A plain JDBC INSERT that tells no reader (PostgreSQL): the projection finds the event by
     * polling, every {@code pollMillis}; the lag of waking by polling alone.
     */
    PLAIN_INSERT
  }

  /** The database. */
  @Param({"POSTGRESQL"})
  public BenchDatabase database;

  /** Who appends. */
  @Param({"OTHER_STORE"})
  public Appender appender;

  /** The longest pause before an append, in milliseconds. */
  @Param({"20"})
  public int maxPauseMillis;

  /**
   * How many threads append 10-event streams without pause through a third store meanwhile, so that
   * the lag is measured under load: 0 for an idle system.
   */
  @Param({"0"})
  public int backgroundWriters;

  /** How often the projections' store polls when nothing wakes it, in milliseconds. */
  @Param({"250"})
  public int pollMillis;

  private final BlockingQueue<Long> handled = new LinkedBlockingQueue<>();
  private final Clock clock = Clock.systemUTC();
  private HikariDataSource pool;
  private JdbcEventStore reader;
  private JdbcEventStore writer;
  private JdbcEventStore loader;
  private Projections projections;
  private String table;
  private long appendedAt;
  private long appends;
  private long[] lags = new long[1024];
  private int measured;
  private boolean measuring;
  private volatile boolean loading = true;
  private final List<Thread> background = new java.util.ArrayList<>();

  /** Creates the table and starts the projection, caught up on an empty log. */
  @Setup(Level.Trial)
  public void startProjection() throws InterruptedException {
    pool = database.pool(8);
    table = "bench_lag_" + System.nanoTime() % 1_000_000;
    JdbcSchema.eventStore(pool, table).migrate();
    reader = store().pollInterval(java.time.Duration.ofMillis(pollMillis)).build();
    writer = appender == Appender.SAME_STORE ? reader : store().build();
    loader = backgroundWriters == 0 ? null : store().build();
    var projection =
        TrackingProjection.named("lag")
            .readModel("balances", Balance.class)
            .projector(
                models ->
                    new BalanceProjector(
                        models.repository("balances", Balance.class),
                        message -> {
                          if (message.aggregateId().startsWith("acc-")) {
                            handled.add(System.nanoTime());
                          }
                        }));
    projections =
        Projections.builder(reader, InMemoryReadModelStorage.create()).add(projection).build();
    projections.start();
    for (int i = 0; i < backgroundWriters; i++) {
      String prefix = "bg-" + i + "-";
      Thread thread = new Thread(() -> appendUntilStopped(prefix), "background-writer-" + i);
      thread.setDaemon(true);
      thread.start();
      background.add(thread);
    }
    Thread.sleep(500); // let it find the log empty and start waiting
  }

  private void appendUntilStopped(String prefix) {
    for (long stream = 0; loading; stream++) {
      String id = prefix + stream;
      var messages = new java.util.ArrayList<DomainMessage>(10);
      for (int playhead = 0; playhead < 10; playhead++) {
        messages.add(
            DomainMessage.recordNow(id, playhead, Metadata.empty(), new Deposited(id, 1), clock));
      }
      loader.append(id, DomainEventStream.of(messages));
    }
  }

  private JdbcEventStoreBuilder store() {
    var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
    return JdbcEventStore.builder(pool, new JacksonSerializer(registry))
        .table(table)
        .dialect(database.dialect);
  }

  private void insertPlainly(String id, long playhead) throws SQLException {
    try (var connection = pool.getConnection();
        var insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (event_id, aggregate_id, playhead, event_type, payload, metadata,"
                    + " recorded_on) VALUES (?, ?, ?, 'deposited', CAST(? AS JSONB), '{}', ?)")) {
      insert.setObject(1, java.util.UUID.randomUUID());
      insert.setString(2, id);
      insert.setLong(3, playhead);
      insert.setString(4, "{\"account\":\"" + id + "\",\"amount\":1}");
      insert.setObject(5, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /** Counts the exact lags of measurement iterations only. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  /** Pauses a random while, then appends one event and notes when the append returned. */
  @Setup(Level.Invocation)
  public void pauseAndAppend() throws InterruptedException, SQLException {
    Thread.sleep(ThreadLocalRandom.current().nextInt(maxPauseMillis + 1));
    String id = "acc-" + (appends % 100);
    long playhead = appends / 100;
    appends++;
    if (appender == Appender.PLAIN_INSERT) {
      insertPlainly(id, playhead);
      appendedAt = System.nanoTime();
      return;
    }
    writer.append(
        id,
        DomainEventStream.of(
            List.of(
                DomainMessage.recordNow(
                    id, playhead, Metadata.empty(), new Deposited(id, 1), clock))));
    appendedAt = System.nanoTime();
  }

  /** {@return when the projector handled the event}, waiting for it. */
  @Benchmark
  public long awaitHandled() throws InterruptedException {
    Long at = handled.poll(10, TimeUnit.SECONDS);
    if (at == null) {
      throw new IllegalStateException("The projector did not handle the event within 10 s");
    }
    if (measuring) {
      if (measured == lags.length) {
        lags = Arrays.copyOf(lags, measured * 2);
      }
      lags[measured++] = at - appendedAt;
    }
    return at;
  }

  /** Prints the exact lags, stops the projection and drops the tables. */
  @TearDown(Level.Trial)
  public void stop() throws SQLException, InterruptedException {
    loading = false;
    for (Thread thread : background) {
      thread.join();
    }
    projections.close();
    long[] sorted = Arrays.copyOf(lags, measured);
    Arrays.sort(sorted);
    System.out.printf(
        "%nLag from append returned to projector handled, %d events: p50 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms%n",
        measured, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0));
    if (writer != reader) {
      writer.close();
    }
    if (loader != null) {
      loader.close();
    }
    reader.close();
    BenchDatabase.drop(pool, table);
    pool.close();
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
