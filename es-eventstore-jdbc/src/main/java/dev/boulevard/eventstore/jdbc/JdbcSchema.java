package dev.boulevard.eventstore.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Creates and migrates, or only validates, the table of a {@link JdbcEventStore}, a {@link
 * JdbcCommandLog}, a {@link JdbcSnapshotStore} or a {@link JdbcIdempotencyStore}: idempotent,
 * versioned, and made of the same SQL files that are shipped for teams that run Flyway ({@code
 * dev/boulevard/eventstore/jdbc/sql/<dialect>/<kind>/V*.sql}, the kind being {@code events}, {@code
 * command_log}, {@code snapshot} or {@code idempotency}, each file with a {@code ${table}}
 * placeholder).
 *
 * <pre>{@code
 * JdbcSchema.eventStore(dataSource, "account_events").migrate();
 * JdbcSchema.commandLog(dataSource, JdbcCommandLog.DEFAULT_TABLE).migrate();
 * JdbcSchema.snapshots(dataSource, "account_snapshots").migrate();
 * JdbcSchema.idempotencyKeys(dataSource, JdbcIdempotencyStore.DEFAULT_TABLE).migrate();
 * // or, where Flyway created the tables: no DDL, a clear error if anything is missing
 * JdbcSchema.eventStore(dataSource, "account_events").validate();
 * }</pre>
 *
 * <p>Applied versions are recorded in {@code <table>_schema_version}. On PostgreSQL and MariaDB the
 * events table refuses UPDATE and DELETE of stored events with triggers, unless built {@link
 * #withoutImmutability()}; its version 3 adds the {@code event_version} column (existing rows are
 * version 1) that upcasting reads. Thread-safe; concurrent migrations of one table take turns
 * through a lock: an advisory lock on PostgreSQL, {@code GET_LOCK} on MariaDB, and a lock in this
 * JVM on embedded H2. Other modules describe their own tables with {@link SchemaScripts} and {@link
 * #of(DataSource, String, Dialect, SchemaScripts)}.
 */
public final class JdbcSchema {

  private final DataSource dataSource;
  private final String table;
  private final Dialect dialect;
  private final SchemaKind kind;
  private final SchemaScripts scripts;

  private JdbcSchema(
      DataSource dataSource,
      String table,
      Dialect dialect,
      SchemaKind kind,
      SchemaScripts scripts) {
    this.dataSource = dataSource;
    this.table = table;
    this.dialect = dialect;
    this.kind = kind;
    this.scripts = scripts;
  }

  /**
   * Describes the schema of an events table, with the dialect detected from the database.
   *
   * @param dataSource the database
   * @param table the events table's name, as given to the store
   * @return the schema, with immutable history
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema eventStore(DataSource dataSource, String table) {
    return detected(dataSource, table, SchemaKind.EVENTS);
  }

  /**
   * Describes the schema of an events table on a database of the given dialect.
   *
   * @param dataSource the database
   * @param table the events table's name, as given to the store
   * @param dialect the database's dialect
   * @return the schema, with immutable history
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema eventStore(DataSource dataSource, String table, Dialect dialect) {
    return of(dataSource, table, dialect, SchemaKind.EVENTS);
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
  public static JdbcSchema commandLog(DataSource dataSource, String table) {
    return detected(dataSource, table, SchemaKind.COMMAND_LOG);
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
  public static JdbcSchema commandLog(DataSource dataSource, String table, Dialect dialect) {
    return of(dataSource, table, dialect, SchemaKind.COMMAND_LOG);
  }

  /**
   * Describes the schema of a snapshot table, with the dialect detected from the database.
   *
   * @param dataSource the database
   * @param table the table's name, as given to the store
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema snapshots(DataSource dataSource, String table) {
    return detected(dataSource, table, SchemaKind.SNAPSHOTS);
  }

  /**
   * Describes the schema of a snapshot table on a database of the given dialect.
   *
   * @param dataSource the database
   * @param table the table's name, as given to the store
   * @param dialect the database's dialect
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema snapshots(DataSource dataSource, String table, Dialect dialect) {
    return of(dataSource, table, dialect, SchemaKind.SNAPSHOTS);
  }

  /**
   * Describes the schema of an idempotency-key table, with the dialect detected from the database.
   *
   * @param dataSource the database
   * @param table the table's name, as given to the {@link JdbcIdempotencyStore}
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema idempotencyKeys(DataSource dataSource, String table) {
    return detected(dataSource, table, SchemaKind.IDEMPOTENCY_KEYS);
  }

  /**
   * Describes the schema of an idempotency-key table on a database of the given dialect.
   *
   * @param dataSource the database
   * @param table the table's name, as given to the {@link JdbcIdempotencyStore}
   * @param dialect the database's dialect
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema idempotencyKeys(DataSource dataSource, String table, Dialect dialect) {
    return of(dataSource, table, dialect, SchemaKind.IDEMPOTENCY_KEYS);
  }

  /**
   * Describes the schema of a table made of shipped SQL files that another module describes, such
   * as the read side's projection, outbox and read-model tables.
   *
   * @param dataSource the database
   * @param table the table's name, which fills the files' {@code ${table}} placeholder
   * @param dialect the database's dialect
   * @param scripts the files
   * @return the schema
   * @throws IllegalArgumentException if the table name is not 1 to 40 letters, digits or
   *     underscores
   */
  public static JdbcSchema of(
      DataSource dataSource, String table, Dialect dialect, SchemaScripts scripts) {
    return new JdbcSchema(
        Objects.requireNonNull(dataSource, "dataSource"),
        TableName.check(table),
        Objects.requireNonNull(dialect, "dialect"),
        null,
        Objects.requireNonNull(scripts, "scripts"));
  }

  /**
   * {@return a copy without the triggers that refuse UPDATE and DELETE of stored events; the same
   * schema for any other table, which has no such triggers}
   */
  public JdbcSchema withoutImmutability() {
    return kind == null
        ? this
        : new JdbcSchema(dataSource, table, dialect, kind, kind.scripts(dialect, false));
  }

  /**
   * {@return the versions this schema consists of, in order, such as {@code
   * V1__create_event_table.sql}}
   */
  public List<String> versions() {
    return scripts.files();
  }

  /** {@return the shipped SQL files of this schema, with the columns each adds} */
  public SchemaScripts scripts() {
    return scripts;
  }

  /**
   * {@return Flyway's location of this schema's files on its dialect, such as {@code
   * classpath:dev/boulevard/eventstore/jdbc/sql/postgresql/events}}
   */
  public String flywayLocation() {
    return scripts.flywayLocation(dialect);
  }

  /** {@return the statements of every version, with the table name filled in, in order} */
  public List<String> statements() {
    return versions().stream()
        .flatMap(version -> SqlScript.statements(scripts, dialect, version, table).stream())
        .toList();
  }

  /**
   * Migrates or validates the table, as the mode says.
   *
   * @param mode {@link SchemaMode#CREATE} to {@link #migrate()}, {@link SchemaMode#VALIDATE} to
   *     {@link #validate()}
   * @throws SchemaMigrationException if the mode is to create and the database refuses
   * @throws SchemaValidationException if the mode is to validate and the schema is not complete
   */
  public void apply(SchemaMode mode) {
    switch (Objects.requireNonNull(mode, "mode")) {
      case CREATE -> migrate();
      case VALIDATE -> validate();
    }
  }

  /**
   * Checks, running no DDL, that the table and every table and column its versions add exist, and,
   * if Boulevard's record {@code <table>_schema_version} exists, that every version is recorded in
   * it; tables that Flyway created, which have no such record, are checked by their columns.
   *
   * @throws SchemaValidationException naming each missing table, column or version, and the files
   *     that create them
   * @throws SchemaMigrationException if the database cannot be asked
   */
  public void validate() {
    List<String> problems;
    try {
      problems =
          Jdbi.create(dataSource)
              .withHandle(
                  handle -> SchemaValidation.problems(handle.getConnection(), table, scripts));
    } catch (SQLException | JdbiException e) {
      throw SchemaMigrationException.unreadable(table, e);
    }
    if (!problems.isEmpty()) {
      throw SchemaValidationException.missing(table, problems, flywayLocation());
    }
  }

  /**
   * Applies the versions not applied yet, holding the table's migration lock; running it again
   * changes nothing.
   *
   * @throws SchemaMigrationException if the database refuses a statement or the lock
   */
  public void migrate() {
    try {
      Jdbi.create(dataSource)
          .useHandle(
              handle -> SchemaMigration.apply(handle.getConnection(), dialect, table, scripts));
    } catch (SQLException | JdbiException e) {
      throw SchemaMigrationException.refused(table, e);
    }
  }

  private static JdbcSchema detected(DataSource dataSource, String table, SchemaKind kind) {
    TableName.check(table);
    return of(
        dataSource, table, Dialect.detect(Objects.requireNonNull(dataSource, "dataSource")), kind);
  }

  private static JdbcSchema of(
      DataSource dataSource, String table, Dialect dialect, SchemaKind kind) {
    Objects.requireNonNull(dialect, "dialect");
    return new JdbcSchema(
        Objects.requireNonNull(dataSource, "dataSource"),
        TableName.check(table),
        dialect,
        kind,
        kind.scripts(dialect, true));
  }
}
