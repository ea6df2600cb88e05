package dev.boulevard.commandhandling;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs commands one at a time per thread: a command dispatched on a thread that is already running
 * one (from inside a handler) waits in that thread's queue and runs after the current command,
 * before the outermost dispatch returns.
 *
 * <p>Every queued command runs even when an earlier one failed; the outermost dispatch then throws
 * the first failure, with later ones added as suppressed. Thread-safe: each thread has a queue of
 * its own, and threads never wait for each other.
 */
final class CommandQueue {

  private final ThreadLocal<Deque<Object>> pending = new ThreadLocal<>();
  private final Consumer<Object> handling;

  /**
   * Creates a queue.
   *
   * @param handling runs one command now
   */
  CommandQueue(Consumer<Object> handling) {
    this.handling = Objects.requireNonNull(handling, "handling");
  }

  /** Runs the command now, or after the current one if this thread is running one already. */
  void dispatch(Object command) {
    Deque<Object> queue = pending.get();
    if (queue != null) {
      queue.addLast(command);
      return;
    }
    queue = new ArrayDeque<>();
    queue.addLast(command);
    pending.set(queue);
    Throwable failure = null;
    try {
      for (Object next = queue.pollFirst(); next != null; next = queue.pollFirst()) {
        failure = runCollecting(next, failure);
      }
    } finally {
      pending.remove();
    }
    rethrow(failure);
  }

  private Throwable runCollecting(Object command, Throwable earlier) {
    try {
      handling.accept(command);
      return earlier;
    } catch (RuntimeException | Error e) {
      if (earlier == null) {
        return e;
      }
      if (earlier != e) {
        earlier.addSuppressed(e);
      }
      return earlier;
    }
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
