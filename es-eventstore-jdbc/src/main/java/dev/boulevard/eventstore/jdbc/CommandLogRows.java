package dev.boulevard.eventstore.jdbc;

import dev.boulevard.auditing.CommandLogEntry;
import dev.boulevard.auditing.CommandLogEntry.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The SQL of a command log's table and the conversions between its rows and entries, with the same
 * conventions as the events table: instants in UTC to the microsecond.
 */
final class CommandLogRows {

  /** Cuts longer errors, so that one fits MariaDB's TEXT (65,535 bytes) in any UTF-8. */
  static final int MAX_ERROR_LENGTH = 16_000;

  static final int MAX_TYPE_LENGTH = 255;

  private static final String SUCCEEDED = "SUCCEEDED";
  private static final String FAILED = "FAILED";

  private static final Duration MICRO = ChronoUnit.MICROS.getDuration();

  private final Dialect dialect;
  private final String table;

  CommandLogRows(Dialect dialect, String table) {
    this.dialect = dialect;
    this.table = TableName.check(table);
  }

  String insert() {
    String json = dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    return "INSERT INTO "
        + table
        + " (command_type, command, outcome, error_type, error, dispatched_at, duration_micros)"
        + " VALUES (?, "
        + json
        + ", ?, ?, ?, ?, ?)";
  }

  String newest() {
    return "SELECT id, command_type, command, outcome, error_type, error, dispatched_at,"
        + " duration_micros"
        + " FROM "
        + table
        + " ORDER BY id DESC LIMIT ?";
  }

  void bind(PreparedStatement statement, CommandLogEntry entry, String commandJson)
      throws SQLException {
    statement.setString(1, cut(entry.commandType(), MAX_TYPE_LENGTH));
    statement.setString(2, commandJson);
    statement.setString(3, entry.succeeded() ? SUCCEEDED : FAILED);
    if (entry.outcome() instanceof Outcome.Failed failed) {
      statement.setString(4, cut(failed.errorType(), MAX_TYPE_LENGTH));
      statement.setString(5, cut(failed.message(), MAX_ERROR_LENGTH));
    } else {
      statement.setString(4, null);
      statement.setString(5, null);
    }
    if (dialect == Dialect.MARIADB) {
      statement.setObject(6, LocalDateTime.ofInstant(entry.dispatchedAt(), ZoneOffset.UTC));
    } else {
      statement.setObject(6, entry.dispatchedAt().atOffset(ZoneOffset.UTC));
    }
    statement.setLong(7, entry.duration().dividedBy(MICRO));
  }

  StoredCommand read(ResultSet rs) throws SQLException {
    Instant dispatchedAt =
        dialect == Dialect.MARIADB
            ? rs.getObject("dispatched_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)
            : rs.getObject("dispatched_at", OffsetDateTime.class).toInstant();
    return new StoredCommand(
        rs.getLong("id"),
        rs.getString("command_type"),
        rs.getString("command"),
        outcome(rs),
        dispatchedAt,
        Duration.of(rs.getLong("duration_micros"), ChronoUnit.MICROS));
  }

  private static Outcome outcome(ResultSet rs) throws SQLException {
    if (SUCCEEDED.equals(rs.getString("outcome"))) {
      return new Outcome.Succeeded();
    }
    String message = rs.getString("error");
    return new Outcome.Failed(rs.getString("error_type"), message == null ? "" : message);
  }

  /** Cuts a text to at most the given length without splitting a surrogate pair. */
  static String cut(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
