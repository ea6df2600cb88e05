package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
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
 * Appends new streams, one transaction each: through {@link JdbcEventStore} into its own schema,
 * and as the baseline as plain JDBC batch inserts of already-serialized rows into the plain table
 * of {@link BenchDatabase#createPlainTable} (three indexes, no trigger). Throughput is streams per
 * second; multiply by {@code eventsPerStream} for events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AppendBenchmark {

  /** The database. */
  @Param({"POSTGRESQL"})
  public BenchDatabase database;

  /** How many events each appended stream holds. */
  @Param({"10"})
  public int eventsPerStream;

  private final AtomicLong ids = new AtomicLong();
  private final Clock clock = Clock.systemUTC();
  private HikariDataSource pool;
  private JdbcEventStore store;
  private String storeTable;
  private String baselineTable;
  private String baselineInsert;
  private String storeInsert;

  /** Creates the store's table with its schema and the baseline's with a plain one. */
  @Setup(Level.Trial)
  public void createTables() throws SQLException {
    pool = database.pool(16);
    long run = System.nanoTime() % 1_000_000;
    storeTable = "bench_store_" + run;
    baselineTable = "bench_plain_" + run;
    JdbcSchema.eventStore(pool, storeTable).migrate();
    database.createPlainTable(pool, baselineTable);
    var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
    store =
        JdbcEventStore.builder(pool, new JacksonSerializer(registry))
            .table(storeTable)
            .dialect(database.dialect)
            .build();
    String json = database.dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    baselineInsert = insertInto(baselineTable, json);
    storeInsert = insertInto(storeTable, json);
  }

  private static String insertInto(String table, String json) {
    return "INSERT INTO "
        + table
        + " (event_id, aggregate_id, playhead, event_type, payload, metadata, recorded_on)"
        + " VALUES (?, ?, ?, ?, "
        + json
        + ", "
        + json
        + ", ?)";
  }

  /** Drops both tables. */
  @TearDown(Level.Trial)
  public void dropTables() throws SQLException {
    store.close();
    BenchDatabase.drop(pool, storeTable);
    BenchDatabase.drop(pool, baselineTable);
    pool.close();
  }

  /** Appends one new stream through the store, building and serializing its events. */
  @Benchmark
  public void boulevard() {
    String id = "s-" + ids.incrementAndGet();
    var messages = new ArrayList<DomainMessage>(eventsPerStream);
    for (int i = 0; i < eventsPerStream; i++) {
      messages.add(DomainMessage.recordNow(id, i, Metadata.empty(), new Deposited(id, i), clock));
    }
    store.append(id, DomainEventStream.of(messages));
  }

  /** Inserts the same rows, already serialized, with one plain JDBC batch in one transaction. */
  @Benchmark
  public void plainJdbcBatch() throws SQLException {
    batchInsert("p-", baselineInsert);
  }

  /**
   * The baseline's batch insert into the store's own table: beside {@link #plainJdbcBatch()}, what
   * the store's schema costs (its log-order index and column); beside {@link #boulevard()}, what
   * the store's own work costs (building and serializing the events, the multi-row INSERT).
   */
  @Benchmark
  public void batchIntoStoreSchema() throws SQLException {
    batchInsert("q-", storeInsert);
  }

  private void batchInsert(String prefix, String statement) throws SQLException {
    String id = prefix + ids.incrementAndGet();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(statement)) {
        for (int i = 0; i < eventsPerStream; i++) {
          bindRow(insert, id, i, now);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }

  private void bindRow(PreparedStatement insert, String id, int playhead, Instant now)
      throws SQLException {
    UUID eventId = UUID.randomUUID();
    if (database.dialect == Dialect.MARIADB) {
      insert.setString(1, eventId.toString());
      insert.setObject(7, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    } else {
      insert.setObject(1, eventId);
      insert.setObject(7, now.atOffset(ZoneOffset.UTC));
    }
    insert.setString(2, id);
    insert.setLong(3, playhead);
    insert.setString(4, "deposited");
    insert.setString(5, "{\"account\":\"" + id + "\",\"amount\":" + playhead + "}");
    insert.setString(6, "{}");
  }
}
