package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.jdbc.StorageFailures;

/** Tells failures that pass by themselves (a lost connection, a deadlock) from those that stay. */
final class Failures {

  private Failures() {}

  /**
   * {@return whether a failure is the storage's and likely passes by itself: a lost or refused
   * connection, a deadlock or serialization failure, a server shutting down}
   */
  static boolean isTransient(Throwable failure) {
    return StorageFailures.isTransient(failure);
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
