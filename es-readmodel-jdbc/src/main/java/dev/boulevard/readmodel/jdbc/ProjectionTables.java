package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.SchemaLock;
import dev.boulevard.readmodel.ReadModelException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Creates the two tables of a {@link JdbcProjectionStore}, if they do not exist yet. */
final class ProjectionTables {

  private ProjectionTables() {}

  static void create(
      JdbcReadModelStorage storage, String table, String decisions, String leases, String members) {
    Dialect dialect = storage.dialect();
    // DDL runs on a connection of its own: MariaDB commits any open transaction before DDL.
    try (Handle handle = Jdbi.open(storage.dataSource())) {
      SchemaLock.holding(
          handle.getConnection(),
          dialect,
          () -> {
            createTables(handle, table, decisions, dialect);
            createLeaseTables(handle, leases, members, dialect);
          });
    } catch (SQLException | JdbiException e) {
      throw new ReadModelException("Could not create the projection tables " + table, e);
    }
  }

  private static void createLeaseTables(
      Handle handle, String leases, String members, Dialect dialect) {
    String text = dialect == Dialect.MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
    String engine = dialect == Dialect.MARIADB ? " ENGINE=InnoDB" : "";
    handle.execute(
        "CREATE TABLE IF NOT EXISTS "
            + leases
            + " (name VARCHAR(64)"
            + text
            + " NOT NULL PRIMARY KEY, owner VARCHAR(200)"
            + text
            + ", epoch BIGINT NOT NULL, expires_at BIGINT NOT NULL)"
            + engine);
    handle.execute(
        "CREATE TABLE IF NOT EXISTS "
            + members
            + " (grp VARCHAR(64)"
            + text
            + " NOT NULL, owner VARCHAR(200)"
            + text
            + " NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (grp, owner))"
            + engine);
  }

  private static void createTables(Handle handle, String table, String decisions, Dialect dialect) {
    String text = dialect == Dialect.MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
    String engine = dialect == Dialect.MARIADB ? " ENGINE=InnoDB" : "";
    String identity =
        dialect == Dialect.MARIADB
            ? "BIGINT AUTO_INCREMENT"
            : "BIGINT GENERATED ALWAYS AS IDENTITY";
    handle.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (name VARCHAR(64)"
            + text
            + " NOT NULL, generation INT NOT NULL, live BOOLEAN NOT NULL,"
            + " commit_order BIGINT NOT NULL, position BIGINT NOT NULL,"
            + " parked_commit_order BIGINT, parked_position BIGINT,"
            + " parked_event_type VARCHAR(255), parked_error VARCHAR(2000),"
            + " parked_at VARCHAR(40), PRIMARY KEY (name, generation))"
            + engine);
    handle.execute(
        "CREATE TABLE IF NOT EXISTS "
            + decisions
            + " (id "
            + identity
            + " PRIMARY KEY, name VARCHAR(64)"
            + text
            + " NOT NULL, decision VARCHAR(16) NOT NULL,"
            + " commit_order BIGINT NOT NULL, position BIGINT NOT NULL,"
            + " event_type VARCHAR(255) NOT NULL, error VARCHAR(2000) NOT NULL,"
            + " parked_at VARCHAR(40) NOT NULL, reason VARCHAR(2000) NOT NULL,"
            + " decided_at VARCHAR(40) NOT NULL)"
            + engine);
  }
}
