package dev.boulevard.readmodel.projection;

/** Tells failures that must not be caught from the rest, and says what a failure was. */
final class Failures {

  private Failures() {}

  /** {@return whether a failure must not be caught: the JVM itself is failing} */
  static boolean isFatal(Throwable failure) {
    return failure instanceof VirtualMachineError;
  }

  /** {@return a failure as its class name and message, as status and parks report it} */
  static String describe(Throwable failure) {
    return failure.getClass().getName() + ": " + failure.getMessage();
  }
}
