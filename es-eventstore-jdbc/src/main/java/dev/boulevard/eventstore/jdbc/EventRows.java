package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Turns messages into rows and rows back into messages, naming the event that fails. */
final class EventRows {

  /** A message in stored form, serialized before any transaction starts. */
  record Row(
      UUID eventId,
      String aggregateId,
      long playhead,
      String type,
      String payload,
      String metadata,
      java.time.Instant recordedOn) {}

  private final DialectSql sql;
  private final JacksonSerializer serializer;

  EventRows(DialectSql sql, JacksonSerializer serializer) {
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
        event.data(),
        serializer.serializeMetadata(message.metadata()),
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
    return first + 7;
  }

  DomainMessage toMessage(ResultSet rs) throws SQLException {
    String aggregateId = rs.getString("aggregate_id");
    long playhead = rs.getLong("playhead");
    String type = rs.getString("event_type");
    try {
      Object payload = serializer.deserialize(new SerializedEvent(type, rs.getString("payload")));
      Metadata metadata = serializer.deserializeMetadata(rs.getString("metadata"));
      return new DomainMessage(
          sql.readEventId(rs), aggregateId, playhead, metadata, payload, sql.readInstant(rs));
    } catch (RuntimeException e) {
      throw EventStoreException.unreadableEvent(aggregateId, playhead, type, e);
    }
  }
}
