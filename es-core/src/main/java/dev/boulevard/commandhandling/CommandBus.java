package dev.boulevard.commandhandling;

/** Dispatches commands to the handlers subscribed to it. */
public interface CommandBus {

  /**
   * Subscribes a handler to the commands dispatched from now on.
   *
   * @param handler the handler
   */
  void subscribe(CommandHandler handler);

  /**
   * Dispatches a command to the subscribed handlers that handle its type.
   *
   * @param command the command
   * @return what the command, and the commands it queued, appended through event-sourcing
   *     repositories; {@link DispatchResult#none()} for a command that a bus only queued or records
   */
  DispatchResult dispatch(Object command);
}
