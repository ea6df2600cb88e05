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
 * <p>Immutable and thread-safe; equal when all fields are.
 */
public final class StoredCommand {

  private final long id;
  private final String commandType;
  private final String commandJson;
  private final Outcome outcome;
  private final String error; // null when succeeded
  private final Instant dispatchedAt;
  private final Duration duration;

  StoredCommand(
      long id,
      String commandType,
      String commandJson,
      Outcome outcome,
      String error,
      Instant dispatchedAt,
      Duration duration) {
    this.id = id;
    this.commandType = Objects.requireNonNull(commandType, "commandType");
    this.commandJson = Objects.requireNonNull(commandJson, "commandJson");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.error = error;
    this.dispatchedAt = Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    this.duration = Objects.requireNonNull(duration, "duration");
  }

  /** {@return the row's id, which grows in the order the entries were recorded} */
  public long id() {
    return id;
  }

  /**
   * {@return the command's simple class name, as {@link
   * dev.boulevard.auditing.CommandLogEntry#commandType()} gives it}
   */
  public String commandType() {
    return commandType;
  }

  /**
   * {@return the command as JSON, as the database returns it}
   *
   * <p>PostgreSQL normalizes spacing and key order. A command that could not be serialized reads
   * {@code {"unserializable": "<class name>"}}.
   */
  public String commandJson() {
    return commandJson;
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

  /** {@return how long handling the command took, to the microsecond} */
  public Duration duration() {
    return duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredCommand that
        && id == that.id
        && commandType.equals(that.commandType)
        && commandJson.equals(that.commandJson)
        && outcome == that.outcome
        && Objects.equals(error, that.error)
        && dispatchedAt.equals(that.dispatchedAt)
        && duration.equals(that.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, commandType, commandJson, outcome, error, dispatchedAt, duration);
  }

  @Override
  public String toString() {
    return "StoredCommand["
        + id
        + " "
        + commandType
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
