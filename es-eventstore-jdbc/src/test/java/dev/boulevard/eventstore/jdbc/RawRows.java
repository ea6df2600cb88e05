package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes rows into an events table with plain JDBC, past the store, as an older release of the code
 * or a damaged backup would have left them.
 *
 * <p>Published in this module's test-jar, for the other modules' tests of upcasting.
 */
public final class RawRows {

  private RawRows() {}

  /**
   * One stored row, in the columns of the shipped schema.
   *
   * @param eventId the event id
   * @param aggregateId the aggregate id
   * @param playhead the playhead
   * @param type the stored type name
   * @param version the stored version
   * @param payload the payload's JSON
   * @param metadata the metadata's JSON
   * @param recordedOn when it was recorded
   */
  public record Row(
      UUID eventId,
      String aggregateId,
      long playhead,
      String type,
      int version,
      String payload,
      String metadata,
      Instant recordedOn) {

    /** Rejects nulls. */
    public Row {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(aggregateId, "aggregateId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(recordedOn, "recordedOn");
    }

    /** {@return a row with a random event id, empty metadata and a fixed instant} */
    public static Row of(String aggregateId, long playhead, String type, int version, String json) {
      return new Row(
          UUID.randomUUID(),
          aggregateId,
          playhead,
          type,
          version,
          json,
          "{}",
          Instant.parse("2024-05-06T07:08:09.123456Z"));
    }
  }

  /**
   * Inserts rows in order, in one transaction.
   *
   * @return the global position of each row, in order
   */
  public static List<Long> insert(TestDatabase database, String table, List<Row> rows)
      throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return insert(database, connection, table, rows);
    }
  }

  /**
   * Inserts rows in order, in one transaction, over a connection of the caller's to a database of
   * the given kind (an app's own schema, say).
   *
   * @return the global position of each row, in order
   */
  public static List<Long> insert(
      TestDatabase kind, Connection connection, String table, List<Row> rows) throws SQLException {
    String json = kind == TestDatabase.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    String sql =
        "INSERT INTO "
            + table
            + " (event_id, aggregate_id, playhead, event_type, event_version, payload, metadata,"
            + " recorded_on) VALUES (?, ?, ?, ?, ?, "
            + json
            + ", "
            + json
            + ", ?)";
    var positions = new java.util.ArrayList<Long>();
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
        connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
      for (Row row : rows) {
        bind(kind, insert, row);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          positions.add(keys.getLong(1));
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    return positions;
  }

  private static void bind(TestDatabase database, PreparedStatement insert, Row row)
      throws SQLException {
    if (database == TestDatabase.MARIADB) {
      insert.setString(1, row.eventId().toString()); // CHAR(36)
      insert.setObject(8, LocalDateTime.ofInstant(row.recordedOn(), ZoneOffset.UTC));
    } else {
      insert.setObject(1, row.eventId());
      insert.setObject(8, row.recordedOn().atOffset(ZoneOffset.UTC));
    }
    insert.setString(2, row.aggregateId());
    insert.setLong(3, row.playhead());
    insert.setString(4, row.type());
    insert.setInt(5, row.version());
    insert.setString(6, row.payload());
    insert.setString(7, row.metadata());
  }

  /** {@return the stored version of an event, read with SQL} */
  public static int storedVersion(TestDatabase database, String table, String id, long playhead)
      throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT event_version FROM "
                    + table
                    + " WHERE aggregate_id = ? AND playhead = ?")) {
      query.setString(1, id);
      query.setLong(2, playhead);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No row " + id + "@" + playhead + " in " + table);
        }
        return rs.getInt(1);
      }
    }
  }
}
