package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL: concurrent appends, and a global log read in (transaction id, position) order below
 * the oldest running transaction, so that an event committed late is never skipped.
 */
final class PostgresSql extends DialectSql {

  /**
   * The oldest transaction id that may still commit rows into this log: the oldest transaction in
   * progress in the current snapshot, leaving out those of sessions on other databases of the
   * server, which cannot write this table (a long batch in another database must not stall every
   * reader here), or else the snapshot's next id. A transaction whose session is not seen in {@code
   * pg_stat_get_activity} (prepared, or hidden from this role) counts, as it may be one of this
   * database's. Transaction ids of sessions ({@code xid}, 32 bits) are matched with the snapshot's
   * ({@code xid8}) by their low 32 bits. The function, not the {@code pg_stat_activity} view, which
   * joins two catalogs more: 0.19 against 0.44 ms per query on a busy server (the old watermark,
   * {@code pg_snapshot_xmin}, 0.04 ms).
   */
  private static final String WATERMARK =
      "(SELECT COALESCE((SELECT MIN(running.xid) FROM pg_snapshot_xip(now_running.snapshot)"
          + " AS running (xid) WHERE NOT EXISTS (SELECT 1 FROM pg_stat_get_activity(NULL) AS other"
          + " WHERE other.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND other.backend_xid::TEXT::BIGINT = running.xid::TEXT::BIGINT % 4294967296)),"
          + " pg_snapshot_xmax(now_running.snapshot))"
          + " FROM (SELECT pg_current_snapshot() AS snapshot) AS now_running)";

  PostgresSql(String table) {
    super(table);
  }

  @Override
  String rowValues() {
    return "(?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?, ?)";
  }

  /** Returns each row's commit order, the writing transaction's id, with its position. */
  @Override
  String returning() {
    return " RETURNING transaction_id::TEXT::BIGINT, global_position";
  }

  @Override
  PreparedStatement prepareInsert(Connection connection, int rows) throws SQLException {
    return connection.prepareStatement(insert(rows));
  }

  @Override
  Checkpoint runInsert(PreparedStatement insert) throws SQLException {
    try (ResultSet rows = insert.executeQuery()) {
      return lastInserted(rows);
    }
  }

  @Override
  boolean guardsContinuation() {
    return true;
  }

  private final String[] guardedInserts = new String[MAX_ROWS_PER_INSERT + 1];

  /**
   * The rows as a VALUES list, inserted only if the aggregate's greatest stored playhead is the
   * bound one: the continuation check and the INSERT in one statement, one round trip. Concurrent
   * appends that both pass the check still collide on the unique (aggregate, playhead) key.
   */
  @Override
  String guardedInsert(int rows) {
    return cached(
        guardedInserts,
        rows,
        values ->
            "INSERT INTO "
                + table
                + " ("
                + INSERTED_COLUMNS
                + ") SELECT * FROM (VALUES "
                + values
                + ") AS appended ("
                + INSERTED_COLUMNS
                + ") WHERE (SELECT MAX(playhead) FROM "
                + table
                + " WHERE aggregate_id = ?) = ?"
                + returning());
  }

  @Override
  Checkpoint runGuardedInsert(PreparedStatement insert) throws SQLException {
    try (ResultSet rows = insert.executeQuery()) {
      Checkpoint last = null;
      while (rows.next()) {
        var inserted = new Checkpoint(rows.getLong(1), rows.getLong(2));
        last = last == null || inserted.position() > last.position() ? inserted : last;
      }
      return last;
    }
  }

  @Override
  Checkpoint lastInserted(ResultSet rows) throws SQLException {
    Checkpoint last = Checkpoint.beginning();
    while (rows.next()) {
      var inserted = new Checkpoint(rows.getLong(1), rows.getLong(2));
      last = inserted.position() > last.position() ? inserted : last;
    }
    if (last.position() == 0) {
      throw new SQLException("The INSERT returned no global position");
    }
    return last;
  }

  @Override
  String lockForAppend() {
    return null;
  }

  /** {@return the channel that the table's insert trigger notifies, as the V1 script names it} */
  String channel() {
    return "boulevard_" + table.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  String readLog() {
    return "SELECT transaction_id::TEXT::BIGINT AS commit_order, "
        + COLUMNS
        + " FROM "
        + table
        + " WHERE (transaction_id, global_position) > (CAST(CAST(? AS TEXT) AS XID8), ?)"
        + " AND transaction_id < "
        + WATERMARK
        + " ORDER BY transaction_id, global_position LIMIT ?";
  }

  @Override
  void bindLogStart(PreparedStatement statement, Checkpoint after) throws SQLException {
    statement.setLong(1, after.commitOrder());
    statement.setLong(2, after.position());
  }

  @Override
  int logLimitIndex() {
    return 3;
  }

  /**
   * The newest readable row, found by a backward scan of the log-order index. The cast column is
   * named apart from {@code transaction_id}: unnamed, it would take that name, and {@code ORDER BY}
   * would sort by the cast value instead, reading the whole table.
   */
  @Override
  String head() {
    return "SELECT transaction_id::TEXT::BIGINT AS commit_order, global_position FROM "
        + table
        + " WHERE transaction_id < "
        + WATERMARK
        + " ORDER BY transaction_id DESC, global_position DESC LIMIT 1";
  }

  @Override
  String checkpointAt() {
    return "SELECT transaction_id::TEXT::BIGINT, global_position FROM "
        + table
        + " WHERE global_position = ? AND transaction_id < "
        + WATERMARK;
  }

  @Override
  Checkpoint readHead(ResultSet rs) throws SQLException {
    return new Checkpoint(rs.getLong(1), rs.getLong(2));
  }

  @Override
  Checkpoint checkpoint(ResultSet rs, int positionColumn) throws SQLException {
    // the log's reads select commit_order first
    return new Checkpoint(rs.getLong(1), rs.getLong(positionColumn));
  }

  /**
   * {@return the oldest transactions of this database that hold an id: those that hold tailing
   * readers back}
   */
  String holdersOfWatermark() {
    return "SELECT pid, state, now() - xact_start AS age, left(query, 200) AS query"
        + " FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND (datid IS NULL"
        + " OR datid = (SELECT oid FROM pg_database WHERE datname = current_database()))"
        + " ORDER BY age(backend_xid) DESC LIMIT 5";
  }

  /** {@return whether rows are stored above the watermark, that readers cannot see yet} */
  String rowsAboveWatermark() {
    return "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE transaction_id >= " + WATERMARK + ")";
  }
}
