package dev.boulevard.eventstore.jdbc;

/** The statements of a snapshot table, and of its events table read together with it. */
final class SnapshotSql {

  private final String table;
  private final DialectSql events;

  SnapshotSql(String table, DialectSql events) {
    this.table = TableName.check(table);
    this.events = events;
  }

  String table() {
    return table;
  }

  /** {@return the latest snapshot of an aggregate; binds the aggregate id} */
  String latest() {
    return "SELECT playhead, state_version, state FROM " + table + " WHERE aggregate_id = ?";
  }

  /**
   * {@return an insert that keeps the snapshot with the higher playhead, and replaces one at the
   * same playhead; binds aggregate id, playhead, version and state}
   */
  String upsert() {
    if (events instanceof PostgresSql) {
      return "INSERT INTO "
          + table
          + " AS s (aggregate_id, playhead, state_version, state) VALUES (?, ?, ?, CAST(? AS JSONB))"
          + " ON CONFLICT (aggregate_id) DO UPDATE SET playhead = EXCLUDED.playhead,"
          + " state_version = EXCLUDED.state_version, state = EXCLUDED.state"
          + " WHERE s.playhead <= EXCLUDED.playhead";
    }
    if (events instanceof MariaDbSql) {
      // Assignments run left to right, so the playhead, which the others compare with, comes last.
      return "INSERT INTO "
          + table
          + " (aggregate_id, playhead, state_version, state) VALUES (?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE"
          + " state_version = IF(VALUES(playhead) >= playhead, VALUES(state_version), state_version),"
          + " state = IF(VALUES(playhead) >= playhead, VALUES(state), state),"
          + " playhead = GREATEST(playhead, VALUES(playhead))";
    }
    return "MERGE INTO "
        + table
        + " s USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), CAST(? AS INT),"
        + " CAST(? AS CHARACTER LARGE OBJECT))) n (aggregate_id, playhead, state_version, state)"
        + " ON s.aggregate_id = n.aggregate_id"
        + " WHEN MATCHED AND s.playhead <= n.playhead THEN UPDATE SET playhead = n.playhead,"
        + " state_version = n.state_version, state = n.state"
        + " WHEN NOT MATCHED THEN INSERT (aggregate_id, playhead, state_version, state)"
        + " VALUES (n.aggregate_id, n.playhead, n.state_version, n.state)";
  }

  /**
   * {@return one query for the latest snapshot, as a row of part 0 with its state in the payload
   * column, and the events after its playhead, or all events, as rows of part 1; binds the
   * aggregate id three times}
   */
  String latestWithTail() {
    return "SELECT 0 AS part, s.aggregate_id, s.playhead, s.state_version, NULL AS event_id,"
        + " NULL AS event_type, s.state AS payload, NULL AS metadata, NULL AS recorded_on,"
        + " NULL AS event_version, NULL AS global_position"
        + " FROM "
        + table
        + " s WHERE s.aggregate_id = ?"
        + " UNION ALL"
        + " SELECT 1, e.aggregate_id, e.playhead, NULL, e.event_id, e.event_type, e.payload,"
        + " e.metadata, e.recorded_on, e.event_version, e.global_position FROM "
        + events.table
        + " e WHERE e.aggregate_id = ? AND e.playhead > COALESCE((SELECT t.playhead FROM "
        + table
        + " t WHERE t.aggregate_id = ?), -1)"
        + " ORDER BY part, playhead";
  }

  boolean isUniqueViolation(java.sql.SQLException e) {
    return events.isUniqueViolation(e);
  }
}
