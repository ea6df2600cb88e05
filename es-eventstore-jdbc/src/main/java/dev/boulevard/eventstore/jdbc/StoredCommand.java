package dev.boulevard.eventstore.jdbc;

import dev.boulevard.auditing.CommandLogEntry.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry read back from a {@link JdbcCommandLog}: the command's type and JSON, whether it
 * succeeded or why it failed, when it was dispatched and how long it took.
 *
 * <p>Immutable and thread-safe; equal when all components are.
 *
 * @param id the row's id, which grows in the order the entries were recorded
 * @param commandType the command's simple class name, as {@link
 *     dev.boulevard.auditing.CommandLogEntry#commandType()} gives it
 * @param commandJson the command as JSON, as the database returns it: PostgreSQL normalizes spacing
 *     and key order, and a command that could not be serialized reads {@code {"unserializable":
 *     "<class name>"}}
 * @param outcome whether the command succeeded, or the failure's type and message
 * @param dispatchedAt when the command was dispatched, to the microsecond
 * @param duration how long handling the command took, to the microsecond
 */
public record StoredCommand(
    long id,
    String commandType,
    String commandJson,
    Outcome outcome,
    Instant dispatchedAt,
    Duration duration) {

  /** Checks that every component but the id is present. */
  public StoredCommand {
    Objects.requireNonNull(commandType, "commandType");
    Objects.requireNonNull(commandJson, "commandJson");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    Objects.requireNonNull(duration, "duration");
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
}
