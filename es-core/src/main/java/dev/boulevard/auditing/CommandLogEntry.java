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
 * <p>Immutable and thread-safe when the command is; equal when all fields are.
 */
public final class CommandLogEntry {

  /** Whether the command succeeded. */
  public enum Outcome {
    /** The command was handled without an exception. */
    SUCCEEDED,
    /** Handling the command threw an exception. */
    FAILED
  }

  private final Object command;
  private final Outcome outcome;
  private final String error; // null when succeeded
  private final Instant dispatchedAt;
  private final Duration duration;

  private CommandLogEntry(
      Object command, Outcome outcome, String error, Instant dispatchedAt, Duration duration) {
    this.command = Objects.requireNonNull(command, "command");
    this.outcome = outcome;
    this.error = error;
    this.dispatchedAt =
        Objects.requireNonNull(dispatchedAt, "dispatchedAt").truncatedTo(ChronoUnit.MICROS);
    this.duration = Objects.requireNonNull(duration, "duration");
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
    return new CommandLogEntry(command, Outcome.SUCCEEDED, null, dispatchedAt, duration);
  }

  /**
   * {@return the entry for a command whose handling threw an exception}
   *
   * @param command the command
   * @param error what handling it threw; its class and message are kept
   * @param dispatchedAt when it was dispatched
   * @param duration how long handling it took until it failed
   */
  public static CommandLogEntry failed(
      Object command, Throwable error, Instant dispatchedAt, Duration duration) {
    Objects.requireNonNull(error, "error");
    String description =
        error.getMessage() == null
            ? error.getClass().getName()
            : error.getClass().getName() + ": " + error.getMessage();
    return new CommandLogEntry(command, Outcome.FAILED, description, dispatchedAt, duration);
  }

  /** {@return the command's simple class name, or its full name if it has no simple one} */
  public String commandType() {
    String simpleName = command.getClass().getSimpleName();
    return simpleName.isEmpty() ? command.getClass().getName() : simpleName;
  }

  /** {@return the command} */
  public Object command() {
    return command;
  }

  /** {@return whether the command succeeded} */
  public Outcome outcome() {
    return outcome;
  }

  /** {@return the failure's class and message, or empty if the command succeeded} */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** {@return when the command was dispatched, to the microsecond} */
  public Instant dispatchedAt() {
    return dispatchedAt;
  }

  /** {@return how long handling the command took} */
  public Duration duration() {
    return duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CommandLogEntry that
        && command.equals(that.command)
        && outcome == that.outcome
        && Objects.equals(error, that.error)
        && dispatchedAt.equals(that.dispatchedAt)
        && duration.equals(that.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(command, outcome, error, dispatchedAt, duration);
  }

  @Override
  public String toString() {
    return "CommandLogEntry["
        + commandType()
        + " "
        + outcome
        + (error == null ? "" : " (" + error + ")")
        + " at "
        + dispatchedAt
        + " in "
        + duration
        + "]";
  }
}
