package dev.boulevard.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.JdbcSnapshotStore;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonMappers;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.snapshotting.LoadedHistory;
import dev.boulevard.snapshotting.Snapshot;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loads one aggregate: through {@link JdbcEventStore#load}, decoding every event; through {@link
 * JdbcSnapshotStore#loadWithTail}, its latest snapshot (state read) and the last events after it,
 * in one statement; and as the baseline the plain {@code SELECT} of all its rows, reading each
 * column without decoding JSON. {@link #decodedSelect} is the same {@code SELECT} with each payload
 * decoded by a Jackson reader: what any reader that hands back events pays, so that the store's own
 * cost is what it takes beyond that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class LoadBenchmark {

  /** The database. */
  @Param({"POSTGRESQL"})
  public BenchDatabase database;

  /** How many events the aggregate has. */
  @Param({"1000"})
  public int events;

  private HikariDataSource pool;
  private JdbcEventStore store;
  private String table;
  private String select;
  private JdbcSnapshotStore snapshots;
  private final ObjectReader payloads = JacksonMappers.defaults().readerFor(Deposited.class);
  private String snapshotTable;

  /** Stores the aggregate. */
  @Setup(Level.Trial)
  public void storeAggregate() {
    pool = database.pool(4);
    table = "bench_load_" + System.nanoTime() % 1_000_000;
    JdbcSchema.eventStore(pool, table).migrate();
    var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
    store =
        JdbcEventStore.builder(pool, new JacksonSerializer(registry))
            .table(table)
            .dialect(database.dialect)
            .build();
    for (int first = 0; first < events; first += 100) {
      var messages = new ArrayList<DomainMessage>();
      for (int i = first; i < Math.min(events, first + 100); i++) {
        messages.add(
            DomainMessage.recordNow(
                "a", i, Metadata.empty(), new Deposited("a", i), Clock.systemUTC()));
      }
      store.append("a", DomainEventStream.of(messages));
    }
    // The snapshot leaves the last 10 events (half of a short stream) to be read after it.
    long snapshotAt = events - 1 - Math.min(10, events / 2);
    snapshotTable = table + "_snapshots";
    JdbcSchema.snapshots(pool, snapshotTable).migrate();
    snapshots = JdbcSnapshotStore.builder(store).table(snapshotTable).build();
    snapshots.save(
        new Snapshot<>("a", snapshotAt, 1, new Balance("a", snapshotAt * (snapshotAt + 1) / 2, 0)));
    select =
        "SELECT global_position, event_id, aggregate_id, playhead, event_type, payload, metadata,"
            + " recorded_on FROM "
            + table
            + " WHERE aggregate_id = ? AND playhead >= ? ORDER BY playhead";
  }

  /** Drops the table. */
  @TearDown(Level.Trial)
  public void dropTable() throws SQLException {
    store.close();
    BenchDatabase.drop(pool, snapshotTable);
    BenchDatabase.drop(pool, table);
    pool.close();
  }

  /** {@return the aggregate's events, loaded and decoded by the store} */
  @Benchmark
  public DomainEventStream boulevard() {
    return store.load("a");
  }

  /** Loads the latest snapshot, reads its state, and the events after it, in one round trip. */
  @Benchmark
  public void boulevardWithSnapshot(Blackhole sink) {
    if (!(snapshots.loadWithTail("a") instanceof LoadedHistory.FromSnapshot loaded)) {
      throw new IllegalStateException("The snapshot of " + snapshotTable + " was not found");
    }
    sink.consume(loaded.snapshot().read(Balance.class));
    sink.consume(loaded.tail());
  }

  /** Selects the same rows and reads every column, without decoding. */
  @Benchmark
  public void plainSelect(Blackhole sink) throws SQLException, IOException {
    select(sink, false);
  }

  /** Selects the same rows, reads every column and decodes each payload with a Jackson reader. */
  @Benchmark
  public void decodedSelect(Blackhole sink) throws SQLException, IOException {
    select(sink, true);
  }

  private void select(Blackhole sink, boolean decode) throws SQLException, IOException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(select)) {
      statement.setString(1, "a");
      statement.setLong(2, 0);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          sink.consume(rs.getLong(1));
          sink.consume(rs.getString(2));
          sink.consume(rs.getString(3));
          sink.consume(rs.getLong(4));
          sink.consume(rs.getString(5));
          String payload = rs.getString(6);
          sink.consume(decode ? payloads.readValue(payload) : payload);
          sink.consume(rs.getString(7));
          sink.consume(rs.getObject(8));
        }
      }
    }
  }
}
