package dev.boulevard.auditing;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandFailed;
import dev.boulevard.commandhandling.CommandSucceeded;
import dev.boulevard.commandhandling.EventDispatchingCommandBus;
import dev.boulevard.eventdispatcher.EventDispatcher;
import dev.boulevard.eventdispatcher.SimpleEventDispatcher;
import dev.boulevard.unitofwork.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/**
 * Turns the {@link CommandSucceeded} and {@link CommandFailed} announcements of an {@link
 * EventDispatchingCommandBus} into entries of a {@link CommandLog}.
 *
 * <pre>{@code
 * CommandBus bus = CommandLogger.around(new SimpleCommandBus(), new Slf4jCommandLog(), clock);
 * }</pre>
 *
 * <p>Thread-safe when the command log is.
 */
public final class CommandLogger {

  private final CommandLog log;

  /**
   * Creates a logger that records into the given log.
   *
   * @param log where the entries go
   */
  public CommandLogger(CommandLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * {@return a bus that dispatches through the given bus and records each command's outcome}
   *
   * @param bus the bus that really dispatches
   * @param log where the entries go
   * @param clock says when each command was dispatched
   */
  public static CommandBus around(CommandBus bus, CommandLog log, Clock clock) {
    var dispatcher = new SimpleEventDispatcher();
    new CommandLogger(log).attachTo(dispatcher);
    return new EventDispatchingCommandBus(bus, dispatcher, clock);
  }

  /**
   * {@return a bus that runs each command in a unit of work and records its success in the same
   * unit, so that the entry commits with the command's events; a failure is recorded after the
   * rollback, on its own}
   *
   * <p>A retry of a lost race goes inside the unit of work (a decorator of it that runs each
   * attempt in a fresh unit), so that the success is recorded once, by the attempt that commits,
   * and a final failure once, after the last attempt.
   *
   * @param bus the bus that really dispatches
   * @param log where the entries go; a log that joins the unit, such as the JDBC one on the same
   *     database, writes the success in the command's transaction
   * @param clock says when each command was dispatched
   * @param unitOfWork runs each command with its success entry
   */
  public static CommandBus around(
      CommandBus bus, CommandLog log, Clock clock, UnitOfWork unitOfWork) {
    var dispatcher = new SimpleEventDispatcher();
    new CommandLogger(log).attachTo(dispatcher);
    return new EventDispatchingCommandBus(bus, dispatcher, clock, unitOfWork);
  }

  /**
   * Listens to the command announcements of the given dispatcher from now on.
   *
   * @param dispatcher the dispatcher an {@link EventDispatchingCommandBus} announces through
   */
  public void attachTo(EventDispatcher dispatcher) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    dispatcher.addListener(CommandSucceeded.class, this::onSucceeded);
    dispatcher.addListener(CommandFailed.class, this::onFailed);
  }

  private void onSucceeded(CommandSucceeded succeeded) {
    log.record(
        CommandLogEntry.succeeded(
            succeeded.command(), succeeded.dispatchedAt(), succeeded.duration()));
  }

  private void onFailed(CommandFailed failed) {
    log.record(
        CommandLogEntry.failed(
            failed.command(), failed.error(), failed.dispatchedAt(), failed.duration()));
  }
}
