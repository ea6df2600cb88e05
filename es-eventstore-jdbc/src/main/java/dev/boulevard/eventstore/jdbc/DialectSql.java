package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The SQL and the column conversions that differ between the supported databases. */
abstract class DialectSql {

  static final String COLUMNS =
      "global_position, event_id, aggregate_id, playhead, event_type, event_version, payload,"
          + " metadata, recorded_on";

  /** The columns an append fills, in the order of {@link #rowValues()}. */
  static final String INSERTED_COLUMNS =
      "event_id, aggregate_id, playhead, event_type, payload, metadata, recorded_on, event_version";

  final String table;

  DialectSql(String table) {
    this.table = TableName.check(table);
  }

  static DialectSql of(Dialect dialect, String table) {
    return switch (dialect) {
      case POSTGRESQL -> new PostgresSql(table);
      case MARIADB -> new MariaDbSql(table);
      case H2 -> new H2Sql(table);
    };
  }

  /** The most rows one INSERT statement carries; longer streams take several. */
  static final int MAX_ROWS_PER_INSERT = 100;

  private final String[] inserts = new String[MAX_ROWS_PER_INSERT + 1];

  /** {@return a multi-row INSERT of the given number of rows, eight parameters each} */
  final String insert(int rows) {
    return cached(
        inserts,
        rows,
        values ->
            "INSERT INTO "
                + table
                + " ("
                + INSERTED_COLUMNS
                + ")"
                + " VALUES "
                + values
                + returning());
  }

  /**
   * {@return the statement for the given number of rows, built once per number from the rows'
   * VALUES list} A benign race: threads that build one at once build the same string.
   */
  final String cached(String[] cache, int rows, java.util.function.UnaryOperator<String> build) {
    String statement = cache[rows];
    if (statement == null) {
      statement = build.apply(String.join(", ", java.util.Collections.nCopies(rows, rowValues())));
      cache[rows] = statement;
    }
    return statement;
  }

  /** {@return what an INSERT returns of its rows, where the database returns them as a query} */
  String returning() {
    return "";
  }

  /** {@return the INSERT of the given number of rows, prepared to give back their positions} */
  PreparedStatement prepareInsert(Connection connection, int rows) throws SQLException {
    return connection.prepareStatement(insert(rows), new String[] {"global_position"});
  }

  /**
   * Runs a prepared INSERT, in its one round trip, and returns the checkpoint of the row it stored
   * last: the one with the highest position.
   */
  Checkpoint runInsert(PreparedStatement insert) throws SQLException {
    insert.executeUpdate();
    try (ResultSet keys = insert.getGeneratedKeys()) {
      return lastInserted(keys);
    }
  }

  /**
   * Runs a prepared INSERT of rows of several appends, in its one round trip, and {@return the
   * position of each row, in the order of the rows} Used where appends run together: MariaDB, H2.
   */
  long[] insertedPositions(PreparedStatement insert, int rows) throws SQLException {
    insert.executeUpdate();
    try (ResultSet keys = insert.getGeneratedKeys()) {
      return positions(keys, rows);
    }
  }

  /** {@return the positions an INSERT of the given number of rows returned, in its row order} */
  static long[] positions(ResultSet returned, int rows) throws SQLException {
    long[] positions = new long[rows];
    int count = 0;
    while (returned.next()) {
      if (count == rows) {
        throw new SQLException("The INSERT of " + rows + " rows returned more positions");
      }
      positions[count++] = returned.getLong(1);
    }
    if (count != rows) {
      throw new SQLException("The INSERT of " + rows + " rows returned " + count + " positions");
    }
    return positions;
  }

  /** {@return the checkpoint of the row of highest position among those an INSERT returned} */
  Checkpoint lastInserted(ResultSet rows) throws SQLException {
    long position = 0;
    while (rows.next()) {
      position = Math.max(position, rows.getLong(1));
    }
    if (position == 0) {
      throw new SQLException("The INSERT returned no global position");
    }
    return Checkpoint.atPosition(position);
  }

  /**
   * {@return whether {@link #guardedInsert(int)} checks, in the INSERT itself, that a stream
   * continues the stored one} Where it does not, the append runs {@link #lastPlayhead()} first.
   */
  boolean guardsContinuation() {
    return false;
  }

  /**
   * {@return an INSERT of the given number of rows that stores them only if the aggregate's last
   * stored playhead is the one bound after the rows (aggregate id, then playhead); it returns no
   * row otherwise} Only where {@link #guardsContinuation()}.
   */
  String guardedInsert(int rows) {
    throw new UnsupportedOperationException("no guarded INSERT on " + getClass().getSimpleName());
  }

  /** {@return the checkpoint of the last row a guarded INSERT stored, or null if it stored none} */
  Checkpoint runGuardedInsert(PreparedStatement insert) throws SQLException {
    throw new UnsupportedOperationException("no guarded INSERT on " + getClass().getSimpleName());
  }

  /** {@return the parameters of one row of an INSERT} */
  String rowValues() {
    return "(?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /**
   * {@return the fetch size for a read of up to the given number of rows} The rows themselves,
   * unless the dialect's driver does better with fewer.
   */
  int fetchSize(int rows) {
    return rows;
  }

  /** {@return the statement that serializes appends, or null where appends run concurrently} */
  abstract String lockForAppend();

  String load() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + table
        + " WHERE aggregate_id = ? AND playhead >= ? ORDER BY playhead";
  }

  String lastPlayhead() {
    return "SELECT MAX(playhead) FROM " + table + " WHERE aggregate_id = ?";
  }

  String playheadsBetween() {
    return "SELECT MIN(playhead) FROM "
        + table
        + " WHERE aggregate_id = ? AND playhead >= ? AND playhead <= ?";
  }

  /**
   * {@return the batch read of the log; binds commit order, position and limit} Its columns are
   * {@link #COLUMNS}, after the commit order where the dialect has one of its own.
   */
  String readLog() {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + table
        + " WHERE global_position > ? ORDER BY global_position LIMIT ?";
  }

  void bindLogStart(PreparedStatement statement, Checkpoint after) throws SQLException {
    statement.setLong(1, after.position());
  }

  int logLimitIndex() {
    return 2;
  }

  String head() {
    return "SELECT MAX(global_position) FROM " + table;
  }

  /** {@return the lookup of one readable position, answering as {@link #head()} does} */
  String checkpointAt() {
    return "SELECT global_position FROM " + table + " WHERE global_position = ?";
  }

  Checkpoint readHead(ResultSet rs) throws SQLException {
    long position = rs.getLong(1);
    return position == 0 ? Checkpoint.beginning() : Checkpoint.atPosition(position);
  }

  /** {@return the checkpoint of the current row of a log read, its position in the given column} */
  Checkpoint checkpoint(ResultSet rs, int positionColumn) throws SQLException {
    return Checkpoint.atPosition(rs.getLong(positionColumn));
  }

  /** Orders visited events by global position, the same order on every database. */
  String visit(String where) {
    return "SELECT "
        + COLUMNS
        + " FROM "
        + table
        + " WHERE global_position > ?"
        + where
        + " ORDER BY global_position LIMIT ?";
  }

  void bindEventId(PreparedStatement statement, int index, UUID id) throws SQLException {
    statement.setObject(index, id);
  }

  UUID readEventId(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
  }

  Instant readInstant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
