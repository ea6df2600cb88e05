package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.readmodel.ReadModelException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transaction that {@link JdbcReadModelStorage} opened on a handle of its own, READ COMMITTED on
 * MariaDB, and that ends by closing the handle with the connection's isolation level restored.
 *
 * @param handle the handle, in the transaction
 * @param isolation the isolation level to restore, or -1 if it was not changed
 */
record Transaction(Handle handle, int isolation) {

  private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

  /** Opens a handle and begins a transaction on it. */
  static Transaction begin(Jdbi jdbi, Dialect dialect) {
    Handle handle;
    try {
      handle = jdbi.open();
    } catch (JdbiException e) {
      throw new ReadModelException("Cannot open a connection for a transaction of read models", e);
    }
    try {
      int isolation = readCommittedOnMariaDb(handle.getConnection(), dialect);
      handle.begin();
      return new Transaction(handle, isolation);
    } catch (JdbiException | SQLException e) {
      handle.close();
      throw new ReadModelException("Cannot begin a transaction of read models", e);
    }
  }

  /** {@return the isolation level to restore, or -1 if it was not changed} */
  private static int readCommittedOnMariaDb(Connection connection, Dialect dialect)
      throws SQLException {
    if (dialect != Dialect.MARIADB) {
      return -1;
    }
    int isolation = connection.getTransactionIsolation();
    if (isolation == Connection.TRANSACTION_READ_COMMITTED) {
      return -1;
    }
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    return isolation;
  }

  /** Commits and closes the handle. */
  void commit() {
    try {
      handle.commit();
    } catch (JdbiException e) {
      var failure = new ReadModelException("Cannot commit a transaction of read models", e);
      rollback(failure);
      throw failure;
    }
    close(null);
  }

  /**
   * Rolls back and closes the handle, adding any failure to do so to the failure that caused it.
   */
  void rollback(Throwable cause) {
    try {
      handle.rollback();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
    close(cause);
  }

  /** Closes the handle; a failure after a commit is only logged, since the work is committed. */
  private void close(Throwable cause) {
    try {
      if (isolation != -1) {
        handle.getConnection().setTransactionIsolation(isolation);
      }
    } catch (SQLException | RuntimeException e) {
      failedToClose(cause, e);
    } finally {
      try {
        handle.close();
      } catch (RuntimeException e) {
        failedToClose(cause, e);
      }
    }
  }

  private static void failedToClose(Throwable cause, Exception e) {
    if (cause != null) {
      cause.addSuppressed(e);
    } else {
      LOG.warn("Cannot close the connection of a committed transaction of read models", e);
    }
  }
}
