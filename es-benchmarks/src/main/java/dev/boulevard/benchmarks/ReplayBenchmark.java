package dev.boulevard.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonMappers;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Replays a whole global log of deposits over many aggregates, once per operation: as the baseline
 * a plain {@code SELECT} of the same rows in the log's order with Jackson decoding each payload,
 * and through a tracking projection ({@link Projections}) from the beginning until its checkpoint
 * reaches the head, into a projector that finds and saves the aggregate's balance per event, kept
 * in memory or in a JDBC read model on the same database.
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
public class ReplayBenchmark {

  /** The database. */
  @Param({"POSTGRESQL"})
  public BenchDatabase database;

  /** How many events the log holds. */
  @Param({"100000"})
  public int events;

  /** How many events each aggregate has, appended as one stream. */
  @Param({"10"})
  public int eventsPerAggregate;

  /** How many events a projection reads, handles and commits at a time. */
  @Param({"500"})
  public int batchSize;

  private HikariDataSource pool;
  private JdbcEventStore store;
  private String table;
  private String stateTable;
  private Checkpoint head;
  private JdbcReadModelStorage jdbcStorage;
  private final List<String> jdbcModels = new ArrayList<>();
  private int replays;
  private final ExecutorService closer = Executors.newSingleThreadExecutor();
  private final List<Future<?>> closing = new ArrayList<>();
  private final ObjectReader payloads = JacksonMappers.defaults().readerFor(Deposited.class);

  /** Events handled in an iteration, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    /** Events replayed so far in this iteration. */
    public long events;

    /** Starts the count of an iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  /** Creates the table and fills the log. */
  @Setup(Level.Trial)
  public void fillLog() throws Exception {
    pool = database.pool(8);
    long run = System.nanoTime() % 1_000_000;
    table = "bench_replay_" + run;
    stateTable = "bench_replay_state_" + run;
    JdbcSchema.eventStore(pool, table).migrate();
    var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
    store =
        JdbcEventStore.builder(pool, new JacksonSerializer(registry))
            .table(table)
            .dialect(database.dialect)
            .build();
    long started = System.nanoTime();
    LogFiller.fill(
        store, events, events / eventsPerAggregate, Math.min(eventsPerAggregate, 100), 8);
    head = store.head();
    analyze();
    System.out.printf(
        "%nFilled %s with %,d events in %.1f s; head %s%n",
        table, events, (System.nanoTime() - started) / 1e9, head);
    jdbcStorage = JdbcReadModelStorage.builder(pool).dialect(database.dialect).build();
  }

  private void analyze() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          (database.dialect == Dialect.POSTGRESQL ? "ANALYZE " : "ANALYZE TABLE ") + table);
    }
  }

  /** Drops the log, the checkpoint tables and every JDBC read model the trial made. */
  @TearDown(Level.Trial)
  public void dropTables() throws Exception {
    for (Future<?> closed : closing) {
      closed.get();
    }
    closer.shutdown();
    store.close();
    for (String model : jdbcModels) {
      jdbcStorage.drop(model);
    }
    BenchDatabase.drop(pool, table);
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + stateTable);
      statement.execute("DROP TABLE IF EXISTS " + stateTable + "_decisions");
    }
    pool.close();
  }

  /** Selects every row in the log's order with a fetch size, and decodes each payload. */
  @Benchmark
  public void plainSelect(Events counter, Blackhole sink) throws SQLException, IOException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only in a transaction
      connection.setReadOnly(true);
      try (PreparedStatement statement = connection.prepareStatement(selectAll())) {
        statement.setFetchSize(batchSize);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            sink.consume(rs.getLong(1));
            sink.consume(rs.getLong(2));
            sink.consume(rs.getString(3));
            sink.consume(rs.getString(4));
            sink.consume(rs.getLong(5));
            sink.consume(rs.getString(6));
            sink.consume(payloads.readValue(rs.getString(7)));
            sink.consume(rs.getString(8));
            sink.consume(rs.getObject(9));
            counter.events++;
          }
        }
      }
      connection.commit();
      connection.setReadOnly(false);
      connection.setAutoCommit(true);
    }
  }

  private String selectAll() {
    String columns =
        "global_position, event_id, aggregate_id, playhead, event_type, payload, metadata,"
            + " recorded_on FROM "
            + table;
    return database.dialect == Dialect.POSTGRESQL
        ? "SELECT transaction_id::TEXT::BIGINT, "
            + columns
            + " ORDER BY transaction_id, global_position"
        : "SELECT global_position, " + columns + " ORDER BY global_position";
  }

  /** Reads the whole log through {@code GlobalEventLog.read} in batches, with no projection. */
  @Benchmark
  public void logRead(Events counter, Blackhole sink) {
    Checkpoint after = Checkpoint.beginning();
    for (var batch = store.read(after, batchSize);
        !batch.isEmpty();
        batch = store.read(after, batchSize)) {
      sink.consume(batch);
      counter.events += batch.size();
      after = batch.get(batch.size() - 1).checkpoint();
    }
  }

  /** Replays the log through a tracking projection into an in-memory read model. */
  @Benchmark
  public void boulevardInMemory(Events counter) throws InterruptedException {
    counter.events += replay(InMemoryReadModelStorage.create(), "balances");
  }

  /** Replays the log through a tracking projection into a JDBC read model on the same database. */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public void boulevardIntoJdbc(Events counter) throws InterruptedException {
    String model = "bench_balances_" + ++replays;
    jdbcModels.add(model + "_1");
    counter.events += replay(jdbcStorage, model);
  }

  private long replay(ReadModelStorage storage, String model) throws InterruptedException {
    String name = "replay_" + ++replays;
    long[] handled = {0};
    var projection =
        TrackingProjection.named(name)
            .readModel(model, Balance.class)
            .projector(
                models ->
                    new BalanceProjector(
                        models.repository(model, Balance.class), message -> handled[0]++));
    Projections projections =
        Projections.builder(store, storage)
            .add(projection)
            .batchSize(batchSize)
            .stateTable(stateTable)
            .build();
    try {
      projections.start();
      if (!projections.awaitCheckpoint(head, Duration.ofMinutes(10))) {
        throw new IllegalStateException(
            "The replay did not reach " + head + ": " + projections.status());
      }
      // The worker's checkpoint is volatile and moves after its events: their count is visible.
      if (handled[0] != events) {
        throw new IllegalStateException("Replayed " + handled[0] + " events of " + events);
      }
      return handled[0];
    } finally {
      // Closing waits for the caught-up worker to end its idle wait (up to 250 ms), which is not
      // part of the replay: it happens off the clock.
      closing.add(closer.submit(projections::close));
    }
  }
}
