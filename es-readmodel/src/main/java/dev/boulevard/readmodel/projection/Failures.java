package dev.boulevard.readmodel.projection;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells failures that pass by themselves (a lost connection, a deadlock) from those that stay. */
final class Failures {

  private Failures() {}

  /**
   * {@return whether a failure is the storage's and likely passes by itself: a lost or refused
   * connection, a deadlock or serialization failure, a server shutting down}
   */
  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && transientState(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * SQL states of connection failures (08), rollbacks for deadlock or serialization (40), and an
   * operator's intervention such as a terminated backend (57).
   */
  private static boolean transientState(String state) {
    return state != null
        && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57"));
  }

  /** {@return whether a failure must not be caught: the JVM itself is failing} */
  static boolean isFatal(Throwable failure) {
    return failure instanceof VirtualMachineError;
  }

  /** {@return a failure as its class name and message, as status and parks report it} */
  static String describe(Throwable failure) {
    return failure.getClass().getName() + ": " + failure.getMessage();
  }
}
