package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.EventStoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Handle;

/**
 * One aggregate's history read through a cursor, a fetch size of rows at a time, inside a read-only
 * transaction that closing the stream ends; PostgreSQL's driver needs the transaction to fetch in
 * steps at all.
 */
final class HistoryCursor implements Iterator<DomainMessage>, AutoCloseable {

  private final Handle handle;
  private final PreparedStatement statement;
  private final ResultSet rs;
  private final EventRows rows;
  private final EventRows.Columns columns;
  private final String aggregateId;
  private final ArrayDeque<DomainMessage> pending = new ArrayDeque<>();

  private HistoryCursor(
      Handle handle, PreparedStatement statement, ResultSet rs, EventRows rows, String id)
      throws SQLException {
    this.handle = handle;
    this.statement = statement;
    this.rs = rs;
    this.rows = rows;
    this.columns = EventRows.Columns.of(rs);
    this.aggregateId = id;
  }

  static Stream<DomainMessage> open(
      Handle handle, DialectSql sql, EventRows rows, int fetchSize, String id, long playhead)
      throws SQLException {
    handle.begin();
    PreparedStatement statement = handle.getConnection().prepareStatement(sql.load());
    try {
      statement.setFetchSize(fetchSize);
      statement.setString(1, id);
      statement.setLong(2, playhead);
      var cursor = new HistoryCursor(handle, statement, statement.executeQuery(), rows, id);
      return StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(
                  cursor, Spliterator.ORDERED | Spliterator.NONNULL),
              false)
          .onClose(cursor::close);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (pending.isEmpty()) {
      try {
        if (rs.next()) {
          pending.addAll(rows.toMessages(rs, columns)); // a split row's pieces, together
        }
      } catch (SQLException e) {
        throw EventStoreException.dueTo("stream", aggregateId, e);
      }
    }
    return !pending.isEmpty();
  }

  @Override
  public DomainMessage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.poll();
  }

  /** Ends the read-only transaction and gives the connection back. */
  @Override
  public void close() {
    try (handle) {
      rs.close();
      statement.close();
      handle.rollback();
    } catch (SQLException e) {
      throw EventStoreException.dueTo("close the stream of", aggregateId, e);
    }
  }
}
