package dev.boulevard.commandhandling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Announces that a command was handled without an exception.
 *
 * @param command the command
 * @param dispatchedAt when the command was passed on to be handled, truncated to the microsecond
 * @param duration how long handling it took, never negative
 */
public record CommandSucceeded(Object command, Instant dispatchedAt, Duration duration) {

  /** Validates the fields and truncates the instant to the microsecond. */
  public CommandSucceeded {
    Objects.requireNonNull(command, "command");
    dispatchedAt =
        Objects.requireNonNull(dispatchedAt, "dispatchedAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "duration of command " + command.getClass().getName() + " is negative: " + duration);
    }
  }
}
