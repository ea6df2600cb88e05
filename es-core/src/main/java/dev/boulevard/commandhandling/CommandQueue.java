package dev.boulevard.commandhandling;

import dev.boulevard.correlation.Causation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs commands one at a time per thread: a command dispatched on a thread that is already running
 * one (from inside a handler) waits in that thread's queue and runs after the current command,
 * before the outermost dispatch returns.
 *
 * <p>A queued command runs with the {@link Causation} that was current when it was queued, so that
 * the order in which bus decorators wrap each other does not lose its correlation. When a command
 * fails, the commands it queued while it ran are dropped: a failed command records nothing, nor do
 * its follow-ups. Commands queued by commands that succeeded still run, and the outermost dispatch
 * then throws the first failure as is, with later ones added as suppressed. Thread-safe: each
 * thread has a queue of its own, and threads never wait for each other.
 */
final class CommandQueue {

  private final ThreadLocal<Deque<Queued>> pending = new ThreadLocal<>();
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
    var queued = new Queued(command, Causation.current().orElse(null));
    Deque<Queued> queue = pending.get();
    if (queue != null) {
      queue.addLast(queued);
      return;
    }
    queue = new ArrayDeque<>();
    queue.addLast(queued);
    pending.set(queue);
    Throwable failure = null;
    try {
      for (Queued next = queue.pollFirst(); next != null; next = queue.pollFirst()) {
        failure = runCollecting(next, queue, failure);
      }
    } finally {
      pending.remove();
    }
    if (failure != null) {
      throw sneakyThrow(failure);
    }
  }

  private Throwable runCollecting(Queued queued, Deque<Queued> queue, Throwable earlier) {
    int queuedBefore = queue.size();
    try {
      run(queued);
      return earlier;
    } catch (Throwable e) {
      // Only this command's own follow-ups were added to the end of the queue while it ran.
      while (queue.size() > queuedBefore) {
        queue.pollLast();
      }
      if (earlier == null) {
        return e;
      }
      if (earlier != e) {
        earlier.addSuppressed(e);
      }
      return earlier;
    }
  }

  private void run(Queued queued) {
    if (queued.causation() == null) {
      handling.accept(queued.command());
    } else {
      queued.causation().runWith(() -> handling.accept(queued.command()));
    }
  }

  /**
   * Throws any throwable, checked or not, as is; declared to return one so that callers can write
   * {@code throw sneakyThrow(e)}.
   */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }

  /** A command waiting to run, with the causation current when it was queued, or null if none. */
  private record Queued(Object command, Causation causation) {}
}
