package dev.boulevard.commandhandling;

import dev.boulevard.correlation.Causation;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A command bus decorator that gives each dispatched command an id and makes it the current {@link
 * Causation} while the command is handled, so that the events it records name it as their cause.
 *
 * <p>A command dispatched while another is current joins that command's chain (its correlation id);
 * a command dispatched from scratch starts a chain of its own, whose correlation id is the
 * command's id. The causation is fixed when the command is dispatched: a command dispatched from
 * inside a handler is queued by the bus this one wraps, such as a {@link SimpleCommandBus}, which
 * keeps the causation current when it was queued and restores it when the command runs, after the
 * current command. Handlers should therefore dispatch through this bus, or a decorator around it,
 * not the one it wraps, or their commands share the current command's causation id. Thread-safe
 * when the wrapped bus is.
 */
public final class CorrelatingCommandBus implements CommandBus {

  private final CommandBus delegate;
  private final Supplier<String> ids;

  /**
   * Wraps a bus, with random UUIDs as command ids.
   *
   * @param delegate the bus that really dispatches
   */
  public CorrelatingCommandBus(CommandBus delegate) {
    this(delegate, () -> UUID.randomUUID().toString());
  }

  /**
   * Wraps a bus, with command ids from the given source.
   *
   * @param delegate the bus that really dispatches
   * @param ids makes a new, unique command id on each call
   */
  public CorrelatingCommandBus(CommandBus delegate, Supplier<String> ids) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  @Override
  public void subscribe(CommandHandler handler) {
    delegate.subscribe(handler);
  }

  /**
   * {@return what the wrapped bus returned, once it dispatched the command with a new causation}
   */
  @Override
  public DispatchResult dispatch(Object command) {
    Objects.requireNonNull(command, "command");
    String commandId = ids.get();
    String correlationId = Causation.current().map(Causation::correlationId).orElse(commandId);
    return new Causation(correlationId, commandId).callWith(() -> delegate.dispatch(command));
  }
}
