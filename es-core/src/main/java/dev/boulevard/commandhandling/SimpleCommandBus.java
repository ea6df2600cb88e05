package dev.boulevard.commandhandling;

import dev.boulevard.internal.AppendLedger;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A command bus that hands each command, on the dispatching thread, to every subscribed handler
 * that handles its type, in subscription order.
 *
 * <p>A command dispatched from inside a handler is queued and runs after the current command,
 * before the outermost {@link #dispatch} returns, so that one command's work never interleaves with
 * another's; it runs with the {@link dev.boulevard.correlation.Causation} that was current when it
 * was queued. If a command fails, the commands it queued are dropped, since a failed command
 * records nothing, nor do its follow-ups; commands queued by commands that succeeded still run, and
 * the outermost dispatch throws the first failure as is, later ones added as suppressed.
 *
 * <p>A dispatch returns what was stored: each save through an {@link
 * dev.boulevard.eventsourcing.EventSourcingRepository} made while a handler runs (directly or
 * through a repository that wraps one) is collected for the outermost dispatch on that thread,
 * commands queued meanwhile included, so the caller can wait for the projections to take in the
 * {@link DispatchResult#position()}.
 *
 * <p>Thread-safe: different threads dispatch concurrently, each with a queue of its own, and
 * handlers may be subscribed at any time.
 */
public final class SimpleCommandBus implements CommandBus {

  private final List<CommandHandler> handlers = new CopyOnWriteArrayList<>();
  private final CommandQueue queue = new CommandQueue(this::handleNow);

  /** Creates a bus with no handlers. */
  public SimpleCommandBus() {}

  @Override
  public void subscribe(CommandHandler handler) {
    handlers.add(Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Dispatches a command to every subscribed handler that handles its type.
   *
   * @param command the command
   * @return what the command and the commands it queued appended through event-sourcing
   *     repositories while their handlers ran; {@link DispatchResult#none()} when called from
   *     inside a handler, as the command is then only queued
   * @throws CommandNotHandledException if no subscribed handler handles the command's type
   */
  @Override
  public DispatchResult dispatch(Object command) {
    return queue.dispatch(Objects.requireNonNull(command, "command"));
  }

  private DispatchResult handleNow(Object command) {
    return new DispatchResult(AppendLedger.collect(() -> handleByAll(command)));
  }

  private void handleByAll(Object command) {
    if (command instanceof IdempotentCommand keyed) {
      throw new IllegalArgumentException(
          "A command with the idempotency key "
              + keyed.key()
              + " reached a bus that cannot honour it: dispatch idempotent commands through an"
              + " IdempotentCommandBus around this one");
    }
    Class<?> type = command.getClass();
    boolean handled = false;
    for (CommandHandler handler : handlers) {
      if (handler.handles(type)) {
        handled = true;
        handler.handle(command);
      }
    }
    if (!handled) {
      throw CommandNotHandledException.forCommand(command);
    }
  }
}
