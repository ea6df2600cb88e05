package dev.boulevard.eventstore.jdbc;

import dev.boulevard.BoulevardException;
import java.util.List;

/**
 * A table that {@link JdbcSchema#validate()} found missing or incomplete: a table, a column, or a
 * version that Boulevard's own record says is not applied.
 */
public final class SchemaValidationException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private SchemaValidationException(String message) {
    super(message);
  }

  /**
   * Reports what a table's schema lacks and how to create it.
   *
   * @param table the table validated
   * @param problems what is missing, one entry each
   * @param location Flyway's location of the SQL files that create the table
   * @return the exception
   */
  public static SchemaValidationException missing(
      String table, List<String> problems, String location) {
    return new SchemaValidationException(
        "The schema of table '"
            + table
            + "' is not complete: "
            + String.join("; ", problems)
            + ". Create or migrate it with the SQL files in "
            + location
            + " (placeholder ${table} = "
            + table
            + "), with Flyway for instance, or let Boulevard create it at start"
            + " (JdbcSchema.migrate(), SchemaMode.CREATE)");
  }
}
