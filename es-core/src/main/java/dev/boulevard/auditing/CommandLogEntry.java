package dev.boulevard.auditing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One command in the audit log: which command, whether it succeeded or why it failed, when it was
 * dispatched and how long it took.
 *
 * <p>Immutable and thread-safe when the command is; equal when all components are. {@link
 * #toString()} names the command's type only, never its fields.
 *
 * @param command the command
 * @param outcome whether it succeeded, or the failure's type and message
 * @param dispatchedAt when it was dispatched, kept to the microsecond
 * @param duration how long handling it took; not negative
 */
public record CommandLogEntry(
    Object command, Outcome outcome, Instant dispatchedAt, Duration duration) {

  /** Checks the components and cuts the dispatch instant to the microsecond. */
  public CommandLogEntry {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(outcome, "outcome");
    dispatchedAt =
        Objects.requireNonNull(dispatchedAt, "dispatchedAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "duration of command " + command.getClass().getName() + " is negative: " + duration);
    }
  }

  /**
   * {@return the entry for a command that was handled without an exception}
   *
   * @param command the command
   * @param dispatchedAt when it was dispatched
   * @param duration how long handling it took
   */
  public static CommandLogEntry succeeded(Object command, Instant dispatchedAt, Duration duration) {
    return new CommandLogEntry(command, new Outcome.Succeeded(), dispatchedAt, duration);
  }

  /**
   * {@return the entry for a command whose handling threw an exception}
   *
   * @param command the command
   * @param error what handling it threw; its class name and message are kept
   * @param dispatchedAt when it was dispatched
   * @param duration how long handling it took until it failed
   */
  public static CommandLogEntry failed(
      Object command, Throwable error, Instant dispatchedAt, Duration duration) {
    return new CommandLogEntry(command, Outcome.Failed.of(error), dispatchedAt, duration);
  }

  /** {@return the command's simple class name, or its full name if it has no simple one} */
  public String commandType() {
    String simpleName = command.getClass().getSimpleName();
    return simpleName.isEmpty() ? command.getClass().getName() : simpleName;
  }

  /** {@return whether the command was handled without an exception} */
  public boolean succeeded() {
    return outcome instanceof Outcome.Succeeded;
  }

  /**
   * {@return the failure's class and message as {@code class: message}, or empty if it succeeded}
   */
  public Optional<String> error() {
    return outcome.error();
  }

  @Override
  public String toString() {
    return "CommandLogEntry["
        + commandType()
        + " "
        + outcome
        + " at "
        + dispatchedAt
        + " in "
        + duration
        + "]";
  }

  /** Whether a command succeeded, or the type and message of what its handling threw. */
  public sealed interface Outcome {

    /** {@return the failure's class and message as {@code class: message}, or empty} */
    Optional<String> error();

    /** The command was handled without an exception. */
    record Succeeded() implements Outcome {

      @Override
      public Optional<String> error() {
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "SUCCEEDED";
      }
    }

    /**
     * Handling the command threw an exception.
     *
     * @param errorType the exception's fully qualified class name
     * @param message the exception's message, empty if it had none
     */
    record Failed(String errorType, String message) implements Outcome {

      /** Checks that both texts are present. */
      public Failed {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
      }

      /**
       * {@return the failure of the given exception, by its class name and message}
       *
       * @param error what handling the command threw
       */
      public static Failed of(Throwable error) {
        Objects.requireNonNull(error, "error");
        String message = error.getMessage();
        return new Failed(error.getClass().getName(), message == null ? "" : message);
      }

      @Override
      public Optional<String> error() {
        return Optional.of(message.isEmpty() ? errorType : errorType + ": " + message);
      }

      @Override
      public String toString() {
        return "FAILED (" + error().orElseThrow() + ")";
      }
    }
  }
}
