package dev.boulevard.saga;

import dev.boulevard.domain.DomainMessage;
import java.time.Instant;

/**
 * What a process manager's handler may do while it handles one event. Nothing takes effect unless
 * the handler returns normally: then the new state and every command are stored together.
 *
 * <p>Commands are delivered at least once, so the commands a process sends must be idempotent.
 */
public interface ProcessContext {

  /** {@return the message of the event being handled: its aggregate, metadata and instant} */
  DomainMessage message();

  /** {@return the correlation key of the process} */
  String correlation();

  /**
   * Dispatches a command as soon as the event's handling is stored.
   *
   * @param command the command
   */
  void dispatch(Object command);

  /**
   * Schedules a command to be dispatched once the clock reaches an instant, replacing any command
   * this process scheduled under the same key that is not dispatched yet.
   *
   * @param key the deadline's name within this process, 1 to 255 characters
   * @param dueAt when the command is due; one in the past is due at once
   * @param command the command
   */
  void schedule(String key, Instant dueAt, Object command);

  /**
   * Cancels the command this process scheduled under a key, if it is not dispatched yet.
   *
   * @param key the deadline's name within this process
   */
  void cancel(String key);

  /**
   * Ends the process: its state is removed, and the next event with its key starts a new one. The
   * commands it scheduled stay scheduled unless cancelled.
   */
  void end();
}
