package dev.boulevard.eventstore.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Creates and migrates the table of a {@link JdbcEventStore}, a {@link JdbcCommandLog}, a {@link
 * JdbcSnapshotStore} or a {@link JdbcIdempotencyStore}: idempotent, versioned, and made of the same
 * SQL files that are shipped for teams that run Flyway or Liquibase ({@code
 * dev/boulevard/eventstore/jdbc/sql/<dialect>/V*.sql} for events, {@code .../command_log/V*.sql},
 * {@code .../snapshot/V*.sql} and {@code .../idempotency/V*.sql}, each with a {@code ${table}}
 * placeholder).
 *
 * <pre>{@code
 * JdbcSchema.eventStore(dataSource, "account_events").migrate();
 * JdbcSchema.commandLog(dataSource, JdbcCommandLog.DEFAULT_TABLE).migrate();
 * JdbcSchema.snapshots(dataSource, "account_snapshots").migrate();
 * JdbcSchema.idempotencyKeys(dataSource, JdbcIdempotencyStore.DEFAULT_TABLE).migrate();
 * }</pre>
 *
 * <p>Applied versions are recorded in {@code <table>_schema_version}. On PostgreSQL and MariaDB the
 * events table refuses UPDATE and DELETE of stored events with triggers, unless built {@link
 * #withoutImmutability()}; its version 3 adds the {@code event_version} column (existing rows are
 * version 1) that upcasting reads. Thread-safe; concurrent migrations of one table take turns
 * through a lock: an advisory lock on PostgreSQL, {@code GET_LOCK} on MariaDB, and a lock in this
 * JVM on embedded H2.
 */
public final class JdbcSchema {

  private final DataSource dataSource;
  private final String table;
  private final Dialect dialect;
  private final SchemaKind kind;
  private final boolean immutable;

  private JdbcSchema(
      DataSource dataSource, String table, Dialect dialect, SchemaKind kind, boolean immutable) {
    this.dataSource = dataSource;
    this.table = table;
    this.dialect = dialect;
    this.kind = kind;
    this.immutable = immutable;
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
   * {@return a copy without the triggers that refuse UPDATE and DELETE of stored events; the same
   * schema for a command log or snapshot table, which have no such triggers}
   */
  public JdbcSchema withoutImmutability() {
    return new JdbcSchema(dataSource, table, dialect, kind, false);
  }

  /**
   * {@return the versions this schema consists of, in order, such as {@code
   * V1__create_event_table.sql}}
   */
  public List<String> versions() {
    return kind.versions(dialect, immutable);
  }

  /** {@return the statements of every version, with the table name filled in, in order} */
  public List<String> statements() {
    return versions().stream()
        .flatMap(version -> SqlScript.statements(dialect, kind.folder() + version, table).stream())
        .toList();
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
              handle ->
                  SchemaMigration.apply(
                      handle.getConnection(), dialect, table, kind.folder(), versions()));
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
    return new JdbcSchema(
        Objects.requireNonNull(dataSource, "dataSource"),
        TableName.check(table),
        Objects.requireNonNull(dialect, "dialect"),
        kind,
        true);
  }
}
