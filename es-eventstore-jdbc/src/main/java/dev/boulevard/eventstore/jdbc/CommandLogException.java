package dev.boulevard.eventstore.jdbc;

import dev.boulevard.BoulevardException;

/** A failure to create or read the table of a {@link JdbcCommandLog}. */
public final class CommandLogException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private CommandLogException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports that the database refused or failed an operation on a command log's table.
   *
   * @param operation what was being done, such as "read the newest entries of"
   * @param table the command log's table
   * @param cause the underlying failure
   * @return the exception
   */
  public static CommandLogException dueTo(String operation, String table, Throwable cause) {
    return new CommandLogException(
        "Could not " + operation + " the command log in table '" + table + "': " + cause, cause);
  }
}
