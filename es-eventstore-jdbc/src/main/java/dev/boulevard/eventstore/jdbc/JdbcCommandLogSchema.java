package dev.boulevard.eventstore.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Creates and migrates the table of a {@link JdbcCommandLog}: idempotent, versioned, and made of
 * the same SQL files that are shipped for teams that run Flyway or Liquibase ({@code
 * dev/boulevard/eventstore/jdbc/sql/<dialect>/command_log/V*.sql}, with a {@code ${table}}
 * placeholder).
 *
 * <p>Applied versions are recorded in {@code <table>_schema_version}. Thread-safe; concurrent
 * migrations of one table take turns through a database lock on PostgreSQL and MariaDB.
 */
public final class JdbcCommandLogSchema {

  private static final String FOLDER = "command_log/";
  private static final List<String> VERSIONS = List.of("V1__create_command_log.sql");

  private final DataSource dataSource;
  private final String table;
  private final Dialect dialect;

  private JdbcCommandLogSchema(DataSource dataSource, String table, Dialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.table = TableName.check(table);
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * Describes the schema of a command log's table, with the dialect detected from the database.
   *
   * @param dataSource the database
   * @param table the table's name, as given to the log, such as {@link
   *     JdbcCommandLog#DEFAULT_TABLE}
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcCommandLogSchema of(DataSource dataSource, String table) {
    TableName.check(table);
    return of(dataSource, table, Dialect.detect(Objects.requireNonNull(dataSource, "dataSource")));
  }

  /**
   * Describes the schema of a command log's table on a database of the given dialect.
   *
   * @param dataSource the database
   * @param table the table's name, as given to the log
   * @param dialect the database's dialect
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcCommandLogSchema of(DataSource dataSource, String table, Dialect dialect) {
    return new JdbcCommandLogSchema(dataSource, table, dialect);
  }

  /**
   * {@return the versions this schema consists of, in order, such as {@code
   * V1__create_command_log.sql}}
   */
  public List<String> versions() {
    return VERSIONS;
  }

  /** {@return the statements of every version, with the table name filled in, in order} */
  public List<String> statements() {
    return VERSIONS.stream()
        .flatMap(version -> SqlScript.statements(dialect, FOLDER + version, table).stream())
        .toList();
  }

  /**
   * Applies the versions not applied yet; running it again changes nothing.
   *
   * @throws CommandLogException if the database refuses a statement
   */
  public void migrate() {
    try {
      Jdbi.create(dataSource)
          .useHandle(
              handle ->
                  SchemaMigration.apply(handle.getConnection(), dialect, table, FOLDER, VERSIONS));
    } catch (SQLException | JdbiException e) {
      throw CommandLogException.dueTo("create the schema of", table, e);
    }
  }
}
