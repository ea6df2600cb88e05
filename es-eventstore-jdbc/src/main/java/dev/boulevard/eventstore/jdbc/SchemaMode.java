package dev.boulevard.eventstore.jdbc;

/** What Boulevard does with its tables when it starts: create them, or only check them. */
public enum SchemaMode {
  /**
   * Creates the tables that do not exist and applies the versions not applied yet, under the {@link
   * SchemaLock}, as {@link JdbcSchema#migrate()} does: the default.
   */
  CREATE,
  /**
   * Runs no DDL: checks that every table and column exists, as {@link JdbcSchema#validate()} does,
   * for databases whose schema a tool such as Flyway manages.
   */
  VALIDATE
}
