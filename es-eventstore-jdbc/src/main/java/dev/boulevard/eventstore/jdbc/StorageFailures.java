package dev.boulevard.eventstore.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a database failure that is likely to pass by itself (a lost or refused connection, a server
 * shutting down, a deadlock) from one that stays, so that callers can wait it out or answer "try
 * again later" instead of reporting a fault.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class StorageFailures {

  private StorageFailures() {}

  /**
   * {@return whether the failure, or one of its causes, is a database failure that likely passes by
   * itself: a transient or recoverable {@link SQLException}, or one whose SQL state is a connection
   * failure (class 08), a rollback for deadlock or serialization (40), or an operator's
   * intervention such as a terminated session or a server shutting down (57)}
   */
  public static boolean isTransient(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 64; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
        return true;
      }
      depth++;
    }
    return false;
  }

  private static boolean isTransientState(String state) {
    return state != null
        && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57"));
  }
}
