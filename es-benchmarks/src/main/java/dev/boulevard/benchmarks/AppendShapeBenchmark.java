package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
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
 * An experiment on PostgreSQL, not part of {@code run.sh}: the shapes of statement an append can
 * take, each with already-serialized rows in the store's own table, so that only the statement
 * differs. The store's multi-row {@code INSERT ... RETURNING}, a JDBC batch of single-row INSERTs
 * (the plain baseline's shape) and the same batch asking for each row's position back. See
 * docs/benchmarks/appends.md for the runs and what they showed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AppendShapeBenchmark {

  /** How many events each appended stream holds. */
  @Param({"10"})
  public int eventsPerStream;

  private static final String COLUMNS =
      " (event_id, aggregate_id, playhead, event_type, payload, metadata, recorded_on)";
  private static final String ROW = "(?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?)";

  private final AtomicLong ids = new AtomicLong();
  private final Clock clock = Clock.systemUTC();
  private HikariDataSource pool;
  private String table;
  private String singleRow;
  private String multiRow;
  private String multiRowNoReturning;
  private String multiRowReturningLast;

  /** Creates a table with the store's schema. */
  @Setup(Level.Trial)
  public void createTable() {
    pool = BenchDatabase.POSTGRESQL.pool(16);
    table = "bench_shape_" + System.nanoTime() % 1_000_000;
    JdbcSchema.eventStore(pool, table).migrate();
    singleRow = "INSERT INTO " + table + COLUMNS + " VALUES " + ROW;
    multiRow =
        "INSERT INTO "
            + table
            + COLUMNS
            + " VALUES "
            + String.join(", ", Collections.nCopies(eventsPerStream, ROW))
            + " RETURNING transaction_id::TEXT::BIGINT, global_position";
    multiRowNoReturning = multiRow.substring(0, multiRow.indexOf(" RETURNING"));
    multiRowReturningLast =
        "WITH inserted AS ("
            + multiRowNoReturning
            + " RETURNING transaction_id, global_position)"
            + " SELECT MAX(transaction_id)::TEXT::BIGINT, MAX(global_position) FROM inserted";
  }

  /** Drops the table. */
  @TearDown(Level.Trial)
  public void dropTable() throws SQLException {
    BenchDatabase.drop(pool, table);
    pool.close();
  }

  /** The store's shape: one multi-row INSERT returning each row's commit order and position. */
  @Benchmark
  public long multiRowReturning() throws SQLException {
    String id = "m-" + ids.incrementAndGet();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long last = 0;
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(multiRow)) {
        for (int i = 0; i < eventsPerStream; i++) {
          bind(insert, 7 * i, id, i, now);
        }
        try (ResultSet rows = insert.executeQuery()) {
          while (rows.next()) {
            last = Math.max(last, rows.getLong(2));
          }
        }
      }
      connection.commit();
    }
    return last;
  }

  /** The multi-row INSERT returning nothing. */
  @Benchmark
  public void multiRow() throws SQLException {
    String id = "n-" + ids.incrementAndGet();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(multiRowNoReturning)) {
        for (int i = 0; i < eventsPerStream; i++) {
          bind(insert, 7 * i, id, i, now);
        }
        insert.executeUpdate();
      }
      connection.commit();
    }
  }

  /** The multi-row INSERT returning one row: the greatest commit order and position it stored. */
  @Benchmark
  public long multiRowReturningLast() throws SQLException {
    String id = "l-" + ids.incrementAndGet();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long last;
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(multiRowReturningLast)) {
        for (int i = 0; i < eventsPerStream; i++) {
          bind(insert, 7 * i, id, i, now);
        }
        try (ResultSet rows = insert.executeQuery()) {
          rows.next();
          last = rows.getLong(2);
        }
      }
      connection.commit();
    }
    return last;
  }

  /** The plain baseline's shape: a JDBC batch of single-row INSERTs, returning nothing. */
  @Benchmark
  public void batch() throws SQLException {
    String id = "b-" + ids.incrementAndGet();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(singleRow)) {
        for (int i = 0; i < eventsPerStream; i++) {
          bind(insert, 0, id, i, now);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }

  /** The batch, asking the driver for each row's commit order and position back. */
  @Benchmark
  public long batchReturning() throws SQLException {
    String id = "r-" + ids.incrementAndGet();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long last = 0;
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              singleRow, new String[] {"transaction_id", "global_position"})) {
        for (int i = 0; i < eventsPerStream; i++) {
          bind(insert, 0, id, i, now);
          insert.addBatch();
        }
        insert.executeBatch();
        try (ResultSet rows = insert.getGeneratedKeys()) {
          while (rows.next()) {
            last = Math.max(last, rows.getLong(2));
          }
        }
      }
      connection.commit();
    }
    return last;
  }

  private static void bind(
      PreparedStatement insert, int offset, String id, int playhead, Instant now)
      throws SQLException {
    insert.setObject(offset + 1, UUID.randomUUID());
    insert.setString(offset + 2, id);
    insert.setLong(offset + 3, playhead);
    insert.setString(offset + 4, "deposited");
    insert.setString(offset + 5, "{\"account\":\"" + id + "\",\"amount\":" + playhead + "}");
    insert.setString(offset + 6, "{}");
    insert.setObject(offset + 7, now.atOffset(ZoneOffset.UTC));
  }
}
