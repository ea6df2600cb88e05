package dev.boulevard.commandhandling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command bus that records every command dispatched through it, for tests that check which
 * commands a piece of code sent.
 *
 * <p>Made with no delegate, it only records, as Broadway's does: subscribed handlers are kept but
 * never called. Made around another bus, it records each command and then dispatches it there.
 * Thread-safe when the wrapped bus is.
 */
public final class TraceableCommandBus implements CommandBus {

  private final CommandBus delegate;
  private final List<Object> recorded = new ArrayList<>();
  private final List<CommandHandler> handlers = new ArrayList<>();

  /** Creates a bus that only records commands and calls no handler. */
  public TraceableCommandBus() {
    this(new RecordingOnly());
  }

  /**
   * Wraps a bus, recording each command before dispatching it there.
   *
   * @param delegate the bus that really dispatches
   */
  public TraceableCommandBus(CommandBus delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Keeps the handler and subscribes it to the wrapped bus, if there is one. */
  @Override
  public void subscribe(CommandHandler handler) {
    Objects.requireNonNull(handler, "handler");
    synchronized (recorded) {
      handlers.add(handler);
    }
    delegate.subscribe(handler);
  }

  /**
   * Records the command, then dispatches it to the wrapped bus, if there is one.
   *
   * @return what the wrapped bus returned, or {@link DispatchResult#none()} if there is none
   */
  @Override
  public DispatchResult dispatch(Object command) {
    Objects.requireNonNull(command, "command");
    synchronized (recorded) {
      recorded.add(command);
    }
    return delegate.dispatch(command);
  }

  /** {@return the commands dispatched so far, in order} */
  public List<Object> recordedCommands() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** {@return the handlers subscribed through this bus, in order} */
  public List<CommandHandler> subscribedHandlers() {
    synchronized (recorded) {
      return List.copyOf(handlers);
    }
  }

  /** Forgets the recorded commands; the subscribed handlers stay. */
  public void clear() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /** The stand-in for a wrapped bus when there is none: it calls nothing. */
  private static final class RecordingOnly implements CommandBus {

    @Override
    public void subscribe(CommandHandler handler) {}

    @Override
    public DispatchResult dispatch(Object command) {
      return DispatchResult.none();
    }
  }
}
