package dev.boulevard.commandhandling;

import dev.boulevard.BoulevardException;

/** Thrown when a command is dispatched that no subscribed handler handles. */
public final class CommandNotHandledException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private CommandNotHandledException(String message) {
    super(message);
  }

  /**
   * {@return the exception for a command that no subscribed handler handles}
   *
   * @param command the command that was dispatched
   */
  public static CommandNotHandledException forCommand(Object command) {
    return new CommandNotHandledException(
        "No subscribed command handler handles commands of type "
            + command.getClass().getName()
            + "; subscribe one to the bus before dispatching");
  }
}
