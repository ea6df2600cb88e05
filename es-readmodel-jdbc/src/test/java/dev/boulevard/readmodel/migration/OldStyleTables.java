package dev.boulevard.readmodel.migration;

import dev.boulevard.eventstore.jdbc.Dialect;
import java.util.List;

/**
 * The DDL that JdbcReadModelStorage ran in Java before its tables shipped as SQL files, kept here
 * to stand for a database created by that release: no {@code <table>_schema_version} record.
 */
final class OldStyleTables {

  private OldStyleTables() {}

  /** {@return the statements that created a projection store's four tables} */
  static List<String> projections(Dialect dialect, String table) {
    String text = dialect == Dialect.MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
    String engine = dialect == Dialect.MARIADB ? " ENGINE=InnoDB" : "";
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (name VARCHAR(64)"
            + text
            + " NOT NULL, generation INT NOT NULL, live BOOLEAN NOT NULL,"
            + " commit_order BIGINT NOT NULL, position BIGINT NOT NULL,"
            + " parked_commit_order BIGINT, parked_position BIGINT,"
            + " parked_event_type VARCHAR(255), parked_error VARCHAR(2000),"
            + " parked_at VARCHAR(40), PRIMARY KEY (name, generation))"
            + engine,
        "CREATE TABLE IF NOT EXISTS "
            + table
            + "_decisions (id "
            + identity(dialect)
            + " PRIMARY KEY, name VARCHAR(64)"
            + text
            + " NOT NULL, decision VARCHAR(16) NOT NULL,"
            + " commit_order BIGINT NOT NULL, position BIGINT NOT NULL,"
            + " event_type VARCHAR(255) NOT NULL, error VARCHAR(2000) NOT NULL,"
            + " parked_at VARCHAR(40) NOT NULL, reason VARCHAR(2000) NOT NULL,"
            + " decided_at VARCHAR(40) NOT NULL)"
            + engine,
        "CREATE TABLE IF NOT EXISTS "
            + table
            + "_leases (name VARCHAR(64)"
            + text
            + " NOT NULL PRIMARY KEY, owner VARCHAR(200)"
            + text
            + ", epoch BIGINT NOT NULL, expires_at BIGINT NOT NULL)"
            + engine,
        "CREATE TABLE IF NOT EXISTS "
            + table
            + "_members (grp VARCHAR(64)"
            + text
            + " NOT NULL, owner VARCHAR(200)"
            + text
            + " NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (grp, owner))"
            + engine);
  }

  /** {@return the statements that created an outbox's table and indexes} */
  static List<String> outbox(Dialect dialect, String table) {
    String text = dialect == Dialect.MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
    String json =
        switch (dialect) {
          case POSTGRESQL -> "TEXT";
          case H2 -> "CHARACTER LARGE OBJECT";
          case MARIADB -> "LONGTEXT";
        };
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (id "
            + identity(dialect)
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
            + (dialect == Dialect.MARIADB ? " ENGINE=InnoDB" : ""),
        "CREATE INDEX IF NOT EXISTS " + table + "_due ON " + table + " (kept, due_at)",
        "CREATE INDEX IF NOT EXISTS "
            + table
            + "_key ON "
            + table
            + " (process_name, correlation, deadline_key)");
  }

  /** {@return the statements that created a read model's two tables} */
  static List<String> readModel(Dialect dialect, String table) {
    String fields = table + "_fields";
    String mariaDbTable = " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin";
    String createFields =
        "CREATE TABLE IF NOT EXISTS "
            + fields
            + " (model_id VARCHAR(255) NOT NULL, field VARCHAR(190) NOT NULL,"
            + " value_key VARCHAR(190) NOT NULL, PRIMARY KEY (model_id, field, value_key)";
    String index =
        "CREATE INDEX IF NOT EXISTS "
            + fields
            + "_by_value ON "
            + fields
            + " (field, value_key, model_id)";
    return switch (dialect) {
      case POSTGRESQL ->
          List.of(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
                  + " id VARCHAR(255) PRIMARY KEY, document JSONB NOT NULL)",
              createFields + ")",
              index);
      case H2 ->
          List.of(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
                  + " id VARCHAR(255) PRIMARY KEY, document CHARACTER LARGE OBJECT NOT NULL)",
              createFields + ")",
              index);
      case MARIADB ->
          List.of(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE,"
                  + " id VARCHAR(255) NOT NULL PRIMARY KEY, document LONGTEXT NOT NULL)"
                  + mariaDbTable,
              createFields
                  + ", INDEX "
                  + fields
                  + "_by_value (field, value_key, model_id))"
                  + mariaDbTable);
    };
  }

  private static String identity(Dialect dialect) {
    return dialect == Dialect.MARIADB
        ? "BIGINT AUTO_INCREMENT"
        : "BIGINT GENERATED ALWAYS AS IDENTITY";
  }
}
