package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.InvalidEventStreamException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction that several appends share, holding the append lock from its start to its end.
 * Not thread-safe: one thread runs it.
 */
final class SharedTransaction {

  private static final Logger LOG = LoggerFactory.getLogger(SharedTransaction.class);

  private final Connection connection;
  private final Appender appender;
  private final boolean autoCommit;

  private SharedTransaction(Connection connection, Appender appender, boolean autoCommit) {
    this.connection = connection;
    this.appender = appender;
    this.autoCommit = autoCommit;
  }

  /** Begins the transaction and takes the append lock, or rolls back and throws. */
  static SharedTransaction begin(Connection connection, Appender appender) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    var transaction = new SharedTransaction(connection, appender, autoCommit);
    try {
      appender.lockForAppend(connection);
    } catch (SQLException | RuntimeException e) {
      transaction.rollBack(e);
      throw e;
    }
    return transaction;
  }

  /**
   * Checks that each append continues its stored stream, answering those that do not with their
   * failure, then inserts the rows of the others, in order, in shared multi-row INSERTs.
   *
   * @return the appends inserted and the last checkpoint of each, or null when a statement failed
   *     and the transaction rolled back
   */
  Inserted insert(List<QueuedAppend> appends) {
    try {
      var continuing = new ArrayList<QueuedAppend>(appends.size());
      for (QueuedAppend append : appends) {
        try {
          appender.requireContinuation(connection, append.rows.get(0));
          continuing.add(append);
        } catch (DuplicatePlayheadException | InvalidEventStreamException refused) {
          append.fail(refused); // a read refused it: nothing of it was written
        }
      }
      List<List<EventRows.Row>> rows = continuing.stream().map(append -> append.rows).toList();
      return new Inserted(
          continuing, rows.isEmpty() ? List.of() : appender.insertLockedTogether(connection, rows));
    } catch (SQLException | RuntimeException e) {
      LOG.debug("An append of a batch of {} failed; each runs again alone", appends.size(), e);
      rollBack(e);
      return null;
    }
  }

  /** The appends a shared transaction inserted, and the last checkpoint of each. */
  record Inserted(List<QueuedAppend> appends, List<Checkpoint> lasts) {}

  /** Commits, and {@return null, or the failure to commit, after which it rolled back} */
  SQLException commit() {
    try {
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollBack(e);
      return e instanceof SQLException sqlFailure ? sqlFailure : new SQLException(e);
    }
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LOG.warn("Appended a batch, but could not restore the connection's auto-commit mode", e);
    }
    return null;
  }

  private void rollBack(Exception cause) {
    try {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    } catch (SQLException cleanupFailure) {
      cause.addSuppressed(cleanupFailure);
    }
  }
}
