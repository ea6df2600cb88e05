package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns messages into rows and rows back into messages, through the serializer's upcasters, naming
 * the row that fails.
 *
 * <p>A row that an upcaster splits becomes several messages with the row's playhead: the first
 * keeps the row's event id, the others get ids derived from it by name ({@link #pieceId}), so that
 * every read of the row gives the same ids.
 */
final class EventRows {

  /** A message in stored form, serialized before any transaction starts. */
  record Row(
      UUID eventId,
      String aggregateId,
      long playhead,
      String type,
      int version,
      String payload,
      String metadata,
      Instant recordedOn) {}

  private final DialectSql sql;
  private final Serializer serializer;

  EventRows(DialectSql sql, Serializer serializer) {
    this.sql = sql;
    this.serializer = serializer;
  }

  Row toRow(DomainMessage message) {
    SerializedEvent event = serializer.serialize(message.payload());
    return new Row(
        message.eventId(),
        message.aggregateId(),
        message.playhead(),
        event.type(),
        event.version(),
        event.data(),
        JsonMetadata.write(message.metadata()),
        message.recordedOn());
  }

  /** Binds a row's values from the given parameter index on, and returns the next free index. */
  int bind(PreparedStatement statement, int first, Row row) throws SQLException {
    sql.bindEventId(statement, first, row.eventId());
    statement.setString(first + 1, row.aggregateId());
    statement.setLong(first + 2, row.playhead());
    statement.setString(first + 3, row.type());
    statement.setString(first + 4, row.payload());
    statement.setString(first + 5, row.metadata());
    sql.bindInstant(statement, first + 6, row.recordedOn());
    statement.setInt(first + 7, row.version());
    return first + 8;
  }

  /**
   * Where the columns of {@link DialectSql#COLUMNS} are in a result set: looked up once per query,
   * since drivers look a column's name up in a map at every call (8% of a replay's time on H2).
   */
  record Columns(
      int globalPosition,
      int eventId,
      int aggregateId,
      int playhead,
      int eventType,
      int eventVersion,
      int payload,
      int metadata,
      int recordedOn) {

    /** {@return where the columns are in a result set} */
    static Columns of(ResultSet rs) throws SQLException {
      return new Columns(
          rs.findColumn("global_position"),
          rs.findColumn("event_id"),
          rs.findColumn("aggregate_id"),
          rs.findColumn("playhead"),
          rs.findColumn("event_type"),
          rs.findColumn("event_version"),
          rs.findColumn("payload"),
          rs.findColumn("metadata"),
          rs.findColumn("recorded_on"));
    }
  }

  /**
   * Reads the current row of a result set with the columns of {@link DialectSql#COLUMNS}.
   *
   * @param columns where the columns are in this result set
   * @return its messages in order: one, or several if an upcaster split it
   * @throws UnreadableEventException naming the row if it cannot be read
   */
  List<DomainMessage> toMessages(ResultSet rs, Columns columns) throws SQLException {
    String aggregateId = rs.getString(columns.aggregateId());
    long playhead = rs.getLong(columns.playhead());
    String type = rs.getString(columns.eventType());
    int version = rs.getInt(columns.eventVersion());
    try {
      Metadata metadata = JsonMetadata.read(rs.getString(columns.metadata()));
      List<Object> payloads =
          serializer.deserialize(
              new SerializedEvent(type, version, rs.getString(columns.payload())), metadata);
      UUID eventId = sql.readEventId(rs, columns.eventId());
      Instant recordedOn = sql.readInstant(rs, columns.recordedOn());
      if (payloads.size() == 1) {
        return List.of(
            new DomainMessage(
                eventId, aggregateId, playhead, metadata, payloads.get(0), recordedOn));
      }
      var messages = new ArrayList<DomainMessage>(payloads.size());
      for (int i = 0; i < payloads.size(); i++) {
        UUID id = i == 0 ? eventId : pieceId(eventId, i);
        messages.add(
            new DomainMessage(id, aggregateId, playhead, metadata, payloads.get(i), recordedOn));
      }
      return messages;
    } catch (RuntimeException e) {
      long position = rs.getLong(columns.globalPosition());
      throw UnreadableEventException.of(
          new UnreadableEventException.StoredRow(position, aggregateId, playhead, type, version),
          e);
    }
  }

  /** {@return the id of the piece at an index, 1 or more, of a split row: the same every read} */
  static UUID pieceId(UUID rowEventId, int index) {
    return UUID.nameUUIDFromBytes((rowEventId + "/" + index).getBytes(StandardCharsets.UTF_8));
  }
}
