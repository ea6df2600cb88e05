package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.SchemaLock;
import dev.boulevard.readmodel.ReadModelException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Creates the table of a {@link JdbcOutbox} and its two indexes, if they do not exist: {@code
 * <table>_due} on (kept, due_at) for the dispatcher's query, {@code <table>_key} on (process_name,
 * correlation, deadline_key) for cancellations. Instants are microseconds since the epoch, UTC.
 */
final class OutboxTable {

  private OutboxTable() {}

  static void create(JdbcReadModelStorage storage, String table) {
    Dialect dialect = storage.dialect();
    // DDL runs on a connection of its own: MariaDB commits any open transaction before DDL.
    try (Handle handle = Jdbi.open(storage.dataSource())) {
      SchemaLock.holding(
          handle.getConnection(), dialect, () -> createTable(handle, table, dialect));
    } catch (SQLException | JdbiException e) {
      throw new ReadModelException("Could not create the outbox table " + table, e);
    }
  }

  private static void createTable(Handle handle, String table, Dialect dialect) {
    String text = dialect == Dialect.MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
    String identity =
        dialect == Dialect.MARIADB
            ? "BIGINT AUTO_INCREMENT"
            : "BIGINT GENERATED ALWAYS AS IDENTITY";
    String json =
        switch (dialect) {
          case POSTGRESQL -> "TEXT";
          case H2 -> "CHARACTER LARGE OBJECT";
          case MARIADB -> "LONGTEXT";
        };
    handle.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (id "
            + identity
            + " PRIMARY KEY, process_name VARCHAR(32)"
            + text
            + " NOT NULL, correlation VARCHAR(255)"
            + text
            + " NOT NULL, deadline_key VARCHAR(255)"
            + text
            + ", due_at BIGINT NOT NULL, command_type VARCHAR(255)"
            + text
            + " NOT NULL, command "
            + json
            + text
            + " NOT NULL, correlation_id VARCHAR(255)"
            + text
            + " NOT NULL, causation_id VARCHAR(255)"
            + text
            + " NOT NULL, attempts INT NOT NULL, last_error VARCHAR(2000)"
            + text
            + ", kept BOOLEAN NOT NULL)"
            + (dialect == Dialect.MARIADB ? " ENGINE=InnoDB" : ""));
    handle.execute("CREATE INDEX IF NOT EXISTS " + table + "_due ON " + table + " (kept, due_at)");
    handle.execute(
        "CREATE INDEX IF NOT EXISTS "
            + table
            + "_key ON "
            + table
            + " (process_name, correlation, deadline_key)");
  }
}
