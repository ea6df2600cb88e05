package dev.boulevard.commandhandling;

/**
 * Handles the commands that a {@link CommandBus} dispatches to it.
 *
 * <p>Implementations say whether they are thread-safe; a handler subscribed to a bus that several
 * threads dispatch on must be.
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * Handles a command, usually by loading an aggregate, calling it and saving it.
   *
   * @param command the command
   */
  void handle(Object command);

  /**
   * {@return whether this handler handles commands of the given class; by default every class}
   *
   * @param commandType the command's exact class
   */
  default boolean handles(Class<?> commandType) {
    return true;
  }
}
