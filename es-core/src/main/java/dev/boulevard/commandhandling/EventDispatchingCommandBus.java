package dev.boulevard.commandhandling;

import dev.boulevard.eventdispatcher.EventDispatcher;
import dev.boulevard.unitofwork.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Wraps a command bus and announces each command's outcome, {@link CommandSucceeded} or {@link
 * CommandFailed}, through an event dispatcher, for auditing and metrics.
 *
 * <p>A command dispatched from inside a handler is queued per thread, exactly as {@link
 * SimpleCommandBus} does, with the causation current when it was queued, and announced after it
 * really ran, not when it was queued. When a command fails, the commands it queued are dropped
 * unannounced, while those queued by commands that succeeded still run. A failure of any kind,
 * checked exceptions thrown sneakily included, is announced and then rethrown as is; if announcing
 * it fails too, that failure is added to it as suppressed. Without a unit of work, a listener that
 * throws on a {@link CommandSucceeded} makes the dispatch throw, although the command was handled.
 * Thread-safe when the wrapped bus and the dispatcher are.
 *
 * <p>Given a {@link UnitOfWork}, it runs each command in a unit of its own and announces the
 * success inside it, before the commit, so that what a listener writes there (the command log's
 * row) commits together with the command's events; a failure is announced after the rollback,
 * outside the unit, so that its entry is kept. A listener that throws on the success, or a commit
 * that fails, rolls the command back, and the command is then announced as failed after its
 * success: a listener that writes outside the unit sees both.
 *
 * <p>An {@link IdempotentCommand} is announced as the command inside it; a repeat of its key, which
 * an {@code IdempotentCommandBus} inside this bus answers without running it, is announced as a
 * success.
 */
public final class EventDispatchingCommandBus implements CommandBus {

  private final CommandBus delegate;
  private final EventDispatcher dispatcher;
  private final Clock clock;
  private final UnitOfWork unitOfWork;
  private final CommandQueue queue = new CommandQueue(this::dispatchAndAnnounce);

  /**
   * Wraps a bus, taking the time from the system's UTC clock.
   *
   * @param delegate the bus that really dispatches
   * @param dispatcher announces the outcomes
   */
  public EventDispatchingCommandBus(CommandBus delegate, EventDispatcher dispatcher) {
    this(delegate, dispatcher, Clock.systemUTC());
  }

  /**
   * Wraps a bus.
   *
   * @param delegate the bus that really dispatches
   * @param dispatcher announces the outcomes
   * @param clock says when each command was dispatched; durations come from {@link System#nanoTime}
   */
  public EventDispatchingCommandBus(CommandBus delegate, EventDispatcher dispatcher, Clock clock) {
    this(delegate, dispatcher, clock, UnitOfWork.none());
  }

  /**
   * Wraps a bus, running each command and the announcement of its success in a unit of work.
   *
   * @param delegate the bus that really dispatches
   * @param dispatcher announces the outcomes
   * @param clock says when each command was dispatched; durations come from {@link System#nanoTime}
   * @param unitOfWork runs each command with its success announcement, committing them together
   */
  public EventDispatchingCommandBus(
      CommandBus delegate, EventDispatcher dispatcher, Clock clock, UnitOfWork unitOfWork) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void subscribe(CommandHandler handler) {
    delegate.subscribe(handler);
  }

  /**
   * Dispatches the command to the wrapped bus, or queues it, and announces its outcome once run.
   *
   * @return what the wrapped bus returned for the command and for the commands queued meanwhile, or
   *     {@link DispatchResult#none()} if the command was queued
   */
  @Override
  public DispatchResult dispatch(Object command) {
    return queue.dispatch(Objects.requireNonNull(command, "command"));
  }

  private DispatchResult dispatchAndAnnounce(Object command) {
    Instant dispatchedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long start = System.nanoTime();
    Object announced = IdempotentCommand.unwrap(command);
    var handled = new boolean[1];
    try {
      return unitOfWork.run(
          () -> {
            DispatchResult result = delegate.dispatch(command);
            handled[0] = true;
            dispatcher.dispatch(new CommandSucceeded(announced, dispatchedAt, since(start)));
            return result;
          });
    } catch (Throwable e) {
      // Without a unit, a listener that throws on the success cannot undo the handled command.
      if (!handled[0] || unitOfWork != UnitOfWork.none()) {
        announceFailure(new CommandFailed(announced, e, dispatchedAt, since(start)));
      }
      throw CommandQueue.sneakyThrow(e);
    }
  }

  private void announceFailure(CommandFailed failed) {
    try {
      dispatcher.dispatch(failed);
    } catch (Throwable e) {
      if (e != failed.error()) {
        failed.error().addSuppressed(e);
      }
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(Math.max(0, System.nanoTime() - start));
  }
}
