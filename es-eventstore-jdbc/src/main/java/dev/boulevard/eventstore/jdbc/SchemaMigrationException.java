package dev.boulevard.eventstore.jdbc;

import dev.boulevard.BoulevardException;

/**
 * A failure to create or migrate a table through {@link JdbcSchema#migrate()}, or to read its
 * schema through {@link JdbcSchema#validate()}.
 */
public final class SchemaMigrationException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private SchemaMigrationException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports that the database refused a statement or a lock while migrating a table.
   *
   * @param table the table being migrated
   * @param cause the underlying failure
   * @return the exception
   */
  public static SchemaMigrationException refused(String table, Throwable cause) {
    return new SchemaMigrationException(
        "Could not create or migrate the schema of table '" + table + "': " + cause, cause);
  }

  /**
   * Reports that the database could not be asked about a table's schema while validating it.
   *
   * @param table the table being validated
   * @param cause the underlying failure
   * @return the exception
   */
  public static SchemaMigrationException unreadable(String table, Throwable cause) {
    return new SchemaMigrationException(
        "Could not read the schema of table '" + table + "' to validate it: " + cause, cause);
  }
}
