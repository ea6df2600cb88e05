package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.EventVisitor;
import dev.boulevard.serializer.Serializer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Visits the events of a {@link JdbcEventStore} that match criteria, in global order, in batches of
 * rows: aggregate ids and stored type names filter in SQL, and the classes the upcasters make
 * filter after reading.
 */
final class LogVisits {

  private final JdbcGlobalLog log;
  private final DialectSql sql;
  private final EventRows rows;
  private final Serializer serializer;

  LogVisits(JdbcGlobalLog log, DialectSql sql, EventRows rows, Serializer serializer) {
    this.log = log;
    this.sql = sql;
    this.rows = rows;
    this.serializer = serializer;
  }

  void visit(Criteria criteria, EventVisitor visitor) {
    List<String> types = storedNamesOf(criteria);
    if (!criteria.eventTypes().isEmpty() && types.isEmpty()) {
      return; // no stored event can have a type that has no stored name
    }
    String where = in("aggregate_id", criteria.aggregateIds()) + in("event_type", types);
    long position = 0;
    while (true) {
      VisitBatch batch = visitBatch(where, position, criteria, types);
      batch.messages().stream().filter(criteria::matches).forEach(visitor::doWithEvent);
      if (batch.rows() < JdbcGlobalLog.STREAM_BATCH) {
        return;
      }
      position = batch.lastPosition();
    }
  }

  /**
   * {@return the stored type names whose rows may hold the criteria's event classes, as the
   * serializer tells them: their names, and those that upcasting may turn into them}
   */
  private List<String> storedNamesOf(Criteria criteria) {
    if (criteria.eventTypes().isEmpty()) {
      return List.of();
    }
    var names = new java.util.TreeSet<String>();
    criteria.eventTypes().forEach(type -> names.addAll(serializer.storedTypeNames(type)));
    return List.copyOf(names);
  }

  /** One batch of visited rows: their messages, how many rows were read, the last position. */
  private record VisitBatch(List<DomainMessage> messages, int rows, long lastPosition) {}

  private VisitBatch visitBatch(String where, long after, Criteria criteria, List<String> types) {
    return log.query(
        "visit the events of",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql.visit(where))) {
            int index = 1;
            statement.setLong(index++, after);
            for (String id : criteria.aggregateIds()) {
              statement.setString(index++, id);
            }
            for (String type : types) {
              statement.setString(index++, type);
            }
            statement.setInt(index, JdbcGlobalLog.STREAM_BATCH);
            statement.setFetchSize(sql.fetchSize(JdbcGlobalLog.STREAM_BATCH));
            var messages = new ArrayList<DomainMessage>();
            int count = 0;
            long last = after;
            try (ResultSet rs = statement.executeQuery()) {
              EventRows.Columns columns = EventRows.Columns.of(rs);
              while (rs.next()) {
                count++;
                last = rs.getLong(columns.globalPosition());
                messages.addAll(rows.toMessages(rs, columns));
              }
            }
            return new VisitBatch(messages, count, last);
          }
        });
  }

  private static String in(String column, Collection<String> values) {
    if (values.isEmpty()) {
      return "";
    }
    return " AND "
        + column
        + " IN ("
        + String.join(", ", Collections.nCopies(values.size(), "?"))
        + ")";
  }
}
