package dev.boulevard.commandhandling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Announces that handling a command threw an exception.
 *
 * @param command the command
 * @param error what handling it threw
 * @param dispatchedAt when the command was passed on to be handled, truncated to the microsecond
 * @param duration how long handling it took until it failed, never negative
 */
public record CommandFailed(
    Object command, Throwable error, Instant dispatchedAt, Duration duration) {

  /** Validates the fields and truncates the instant to the microsecond. */
  public CommandFailed {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(error, "error");
    dispatchedAt =
        Objects.requireNonNull(dispatchedAt, "dispatchedAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "duration of command " + command.getClass().getName() + " is negative: " + duration);
    }
  }
}
