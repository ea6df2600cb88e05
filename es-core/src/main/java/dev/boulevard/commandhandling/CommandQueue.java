package dev.boulevard.commandhandling;

import dev.boulevard.correlation.Causation;
import dev.boulevard.tracing.TraceContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs commands one at a time per thread: a command dispatched on a thread that is already running
 * one (from inside a handler) waits in that thread's queue and runs after the current command,
 * before the outermost dispatch returns.
 *
 * <p>A queued command runs with the {@link Causation} and {@link TraceContext} that were current
 * when it was queued, so that the order in which bus decorators wrap each other does not lose its
 * correlation. When a command fails, the commands it queued while it ran are dropped: a failed
 * command records nothing, nor do its follow-ups. Commands queued by commands that succeeded still
 * run, and the outermost dispatch then throws the first failure as is, with later ones added as
 * suppressed. Thread-safe: each thread has a queue of its own, and threads never wait for each
 * other.
 */
final class CommandQueue {

  private final ThreadLocal<Deque<Queued>> pending = new ThreadLocal<>();
  private final Function<Object, DispatchResult> handling;

  /**
   * Creates a queue.
   *
   * @param handling runs one command now and says what it appended
   */
  CommandQueue(Function<Object, DispatchResult> handling) {
    this.handling = Objects.requireNonNull(handling, "handling");
  }

  /**
   * Runs the command now, or after the current one if this thread is running one already.
   *
   * @return what the command and the commands queued meanwhile appended, or {@link
   *     DispatchResult#none()} if the command was queued
   */
  DispatchResult dispatch(Object command) {
    var queued =
        new Queued(command, Causation.current().orElse(null), TraceContext.current().orElse(null));
    Deque<Queued> queue = pending.get();
    if (queue != null) {
      queue.addLast(queued);
      return DispatchResult.none();
    }
    queue = new ArrayDeque<>();
    queue.addLast(queued);
    pending.set(queue);
    var outcome = new Outcome();
    try {
      for (Queued next = queue.pollFirst(); next != null; next = queue.pollFirst()) {
        runCollecting(next, queue, outcome);
      }
    } finally {
      pending.remove();
    }
    if (outcome.failure != null) {
      throw sneakyThrow(outcome.failure);
    }
    return outcome.result;
  }

  private void runCollecting(Queued queued, Deque<Queued> queue, Outcome outcome) {
    int queuedBefore = queue.size();
    try {
      outcome.result = outcome.result.and(run(queued));
    } catch (Throwable e) {
      // Only this command's own follow-ups were added to the end of the queue while it ran.
      while (queue.size() > queuedBefore) {
        queue.pollLast();
      }
      if (outcome.failure == null) {
        outcome.failure = e;
      } else if (outcome.failure != e) {
        outcome.failure.addSuppressed(e);
      }
    }
  }

  private DispatchResult run(Queued queued) {
    return TraceContext.callWith(queued.trace(), () -> runCaused(queued));
  }

  private DispatchResult runCaused(Queued queued) {
    if (queued.causation() == null) {
      return handling.apply(queued.command());
    }
    return queued.causation().callWith(() -> handling.apply(queued.command()));
  }

  /**
   * Throws any throwable, checked or not, as is; declared to return one so that callers can write
   * {@code throw sneakyThrow(e)}.
   */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }

  /** What the commands of one outermost dispatch appended so far, and the first failure. */
  private static final class Outcome {
    private DispatchResult result = DispatchResult.none();
    private Throwable failure;
  }

  /** A command waiting to run, with the causation and trace current when queued, or nulls. */
  private record Queued(Object command, Causation causation, TraceContext trace) {}
}
