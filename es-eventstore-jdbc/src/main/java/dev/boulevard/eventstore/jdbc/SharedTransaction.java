package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import java.sql.Connection;
import java.sql.SQLException;
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
   * Inserts the rows of every append, in order, in shared multi-row INSERTs.
   *
   * @return the last checkpoint of each append, or null when a statement failed and the transaction
   *     rolled back
   */
  List<Checkpoint> insert(List<List<EventRows.Row>> appends) {
    try {
      return appender.insertLockedTogether(connection, appends);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("An append of a batch of {} failed; each runs again alone", appends.size(), e);
      rollBack(e);
      return null;
    }
  }

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
