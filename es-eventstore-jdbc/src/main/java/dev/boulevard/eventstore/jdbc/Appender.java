package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.eventstore.InvalidEventStreamException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of one append, inside the caller's transaction, and the translation of their
 * failures into the library's exceptions.
 */
final class Appender {

  private static final Logger LOG = LoggerFactory.getLogger(Appender.class);

  private final Jdbi jdbi;
  private final DialectSql sql;
  private final EventRows rows;

  Appender(Jdbi jdbi, DialectSql sql, EventRows rows) {
    this.jdbi = jdbi;
    this.sql = sql;
    this.rows = rows;
  }

  /**
   * Runs the append's statements in a plain JDBC transaction: the hot path, kept free of the work a
   * Jdbi handle does per transaction.
   *
   * <p>A failure to restore the connection's auto-commit mode never hides the failure of the
   * append, and never turns a committed append into a failed one: the events are stored.
   */
  Checkpoint insertInOwnTransaction(Connection connection, List<EventRows.Row> serialized)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    Checkpoint last;
    try {
      last = insert(connection, serialized);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      } catch (SQLException cleanupFailure) {
        e.addSuppressed(cleanupFailure);
      }
      throw e;
    }
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LOG.warn(
          "Appended the events of aggregate '{}', but could not restore the connection's"
              + " auto-commit mode",
          serialized.get(0).aggregateId(),
          e);
    }
    return last;
  }

  /** Runs the append's statements and returns the checkpoint of the last row stored. */
  Checkpoint insert(Connection connection, List<EventRows.Row> serialized) throws SQLException {
    lockForAppend(connection);
    return insertLocked(connection, serialized);
  }

  /**
   * Takes the lock that serializes appends, where the dialect has one: held until the transaction
   * ends, so that transactions that append take positions and commit in the same order.
   */
  void lockForAppend(Connection connection) throws SQLException {
    if (sql.lockForAppend() != null) {
      try (PreparedStatement lock = connection.prepareStatement(sql.lockForAppend())) {
        lock.execute(); // the row lock is held until the transaction ends
      }
    }
  }

  /**
   * Runs the append's statements, after {@link #lockForAppend}, and returns its last checkpoint.
   */
  Checkpoint insertLocked(Connection connection, List<EventRows.Row> serialized)
      throws SQLException {
    EventRows.Row first = serialized.get(0);
    // A stream that starts an aggregate needs no check: a taken playhead 0 breaks the unique key.
    boolean guarded = first.playhead() > 0 && sql.guardsContinuation();
    if (!guarded) {
      requireContinuation(connection, first);
    }
    // One multi-row INSERT per chunk: one round trip, and less work for the server than a batch
    // of single-row statements. Each returns its rows' positions, in the same round trip.
    Checkpoint last = Checkpoint.beginning();
    for (int from = 0; from < serialized.size(); from += DialectSql.MAX_ROWS_PER_INSERT) {
      List<EventRows.Row> chunk =
          serialized.subList(
              from, Math.min(serialized.size(), from + DialectSql.MAX_ROWS_PER_INSERT));
      if (guarded && from == 0) {
        last = insertContinuing(connection, chunk);
        continue;
      }
      try (PreparedStatement insert = sql.prepareInsert(connection, chunk.size())) {
        int parameter = 1;
        for (EventRows.Row row : chunk) {
          parameter = rows.bind(insert, parameter, row);
        }
        last = sql.runInsert(insert);
      }
    }
    return last;
  }

  /** Inserts the first chunk of a stream only if it continues the stored one, in one statement. */
  private Checkpoint insertContinuing(Connection connection, List<EventRows.Row> chunk)
      throws SQLException {
    EventRows.Row first = chunk.get(0);
    Checkpoint last;
    try (PreparedStatement insert = connection.prepareStatement(sql.guardedInsert(chunk.size()))) {
      int parameter = 1;
      for (EventRows.Row row : chunk) {
        parameter = rows.bind(insert, parameter, row);
      }
      insert.setString(parameter++, first.aggregateId());
      insert.setLong(parameter, first.playhead() - 1);
      last = sql.runGuardedInsert(insert);
    }
    if (last == null) {
      // Stored nothing: says why, from the playheads stored now. A stream that is found to
      // continue after all lost a race with a writer that filled the gap meanwhile.
      requireContinuation(connection, first);
      throw DuplicatePlayheadException.forPlayhead(first.aggregateId(), first.playhead() - 1);
    }
    return last;
  }

  /**
   * Inserts the rows of several appends, after {@link #lockForAppend} and {@link
   * #requireContinuation} for each, in shared multi-row INSERTs, and {@return the last checkpoint
   * of each append}.
   */
  List<Checkpoint> insertLockedTogether(Connection connection, List<List<EventRows.Row>> appends)
      throws SQLException {
    List<EventRows.Row> all = appends.stream().flatMap(List::stream).toList();
    long[] positions = new long[all.size()];
    for (int from = 0; from < all.size(); from += DialectSql.MAX_ROWS_PER_INSERT) {
      List<EventRows.Row> chunk =
          all.subList(from, Math.min(all.size(), from + DialectSql.MAX_ROWS_PER_INSERT));
      try (PreparedStatement insert = sql.prepareInsert(connection, chunk.size())) {
        int parameter = 1;
        for (EventRows.Row row : chunk) {
          parameter = rows.bind(insert, parameter, row);
        }
        long[] inserted = sql.insertedPositions(insert, chunk.size());
        System.arraycopy(inserted, 0, positions, from, chunk.size());
      }
    }
    var lasts = new ArrayList<Checkpoint>(appends.size());
    int first = 0;
    for (List<EventRows.Row> append : appends) {
      long last = 0;
      for (int i = first; i < first + append.size(); i++) {
        last = Math.max(last, positions[i]);
      }
      lasts.add(Checkpoint.atPosition(last));
      first += append.size();
    }
    return lasts;
  }

  /** Checks, inside the append's transaction, that the stream continues the stored one. */
  void requireContinuation(Connection connection, EventRows.Row first) throws SQLException {
    if (first.playhead() == 0) {
      return; // a taken playhead 0 is caught by the unique constraint
    }
    long next;
    try (PreparedStatement statement = connection.prepareStatement(sql.lastPlayhead())) {
      statement.setString(1, first.aggregateId());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long last = rs.getLong(1);
        next = rs.wasNull() ? 0 : last + 1;
      }
    }
    if (first.playhead() < next) {
      throw DuplicatePlayheadException.forPlayhead(first.aggregateId(), first.playhead());
    }
    if (first.playhead() > next) {
      throw InvalidEventStreamException.doesNotContinue(
          first.aggregateId(), next, first.playhead());
    }
  }

  RuntimeException translate(String aggregateId, List<EventRows.Row> rows, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sqlException && isUniqueViolation(sqlException)) {
        long first = rows.get(0).playhead();
        long last = rows.get(rows.size() - 1).playhead();
        long taken = takenPlayhead(aggregateId, first, last);
        if (taken == NONE_TAKEN) {
          // The unique event id, not a playhead, was violated: not a concurrency conflict.
          return EventStoreException.dueTo(
              "append (an event id is stored already)", aggregateId, e);
        }
        return DuplicatePlayheadException.dueTo(aggregateId, taken, e);
      }
    }
    return EventStoreException.dueTo("append", aggregateId, e);
  }

  private boolean isUniqueViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (sql.isUniqueViolation(next)) {
        return true;
      }
    }
    return false;
  }

  private static final long NONE_TAKEN = -1;

  /**
   * Finds the first playhead of the failed append that another writer stored: {@link #NONE_TAKEN}
   * if none is, and the append's first playhead if the lookup itself fails.
   */
  private long takenPlayhead(String aggregateId, long first, long last) {
    try {
      return jdbi.withHandle(
          handle -> {
            try (PreparedStatement statement =
                handle.getConnection().prepareStatement(sql.playheadsBetween())) {
              statement.setString(1, aggregateId);
              statement.setLong(2, first);
              statement.setLong(3, last);
              try (ResultSet rs = statement.executeQuery()) {
                long taken = rs.next() ? rs.getLong(1) : NONE_TAKEN;
                return rs.wasNull() ? NONE_TAKEN : taken;
              }
            }
          });
    } catch (SQLException | JdbiException e) {
      return first;
    }
  }
}
