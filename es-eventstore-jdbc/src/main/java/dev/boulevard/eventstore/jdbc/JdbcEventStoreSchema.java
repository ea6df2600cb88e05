package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.EventStoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Creates and migrates the events table of a {@link JdbcEventStore}: idempotent, versioned, and
 * made of the same SQL files that are shipped for teams that run Flyway or Liquibase ({@code
 * dev/boulevard/eventstore/jdbc/sql/<dialect>/V*.sql}, with a {@code ${table}} placeholder).
 *
 * <p>Applied versions are recorded in {@code <table>_schema_version}. On PostgreSQL and MariaDB the
 * schema refuses UPDATE and DELETE of stored events with triggers, unless built {@link
 * #withoutImmutability()}. Version 3 adds the {@code event_version} column (existing rows are
 * version 1) that upcasting reads. Thread-safe; concurrent migrations of one table take turns
 * through a database lock on PostgreSQL and MariaDB.
 */
public final class JdbcEventStoreSchema {

  private static final String CREATE = "V1__create_event_table.sql";
  private static final String IMMUTABLE = "V2__refuse_update_and_delete.sql";
  private static final String VERSIONED = "V3__add_event_version.sql";

  private final DataSource dataSource;
  private final String table;
  private final Dialect dialect;
  private final boolean immutable;

  private JdbcEventStoreSchema(
      DataSource dataSource, String table, Dialect dialect, boolean immutable) {
    this.dataSource = dataSource;
    this.table = TableName.check(table);
    this.dialect = dialect;
    this.immutable = immutable;
  }

  /**
   * Describes the schema of an events table, with the dialect detected from the database.
   *
   * @param dataSource the database
   * @param table the events table's name, as given to the store
   * @return the schema, with immutable history
   */
  public static JdbcEventStoreSchema of(DataSource dataSource, String table) {
    return new JdbcEventStoreSchema(
        Objects.requireNonNull(dataSource, "dataSource"), table, Dialect.detect(dataSource), true);
  }

  /** {@return a copy for a table without the triggers that refuse UPDATE and DELETE} */
  public JdbcEventStoreSchema withoutImmutability() {
    return new JdbcEventStoreSchema(dataSource, table, dialect, false);
  }

  /**
   * {@return the versions this schema consists of, in order, such as {@code
   * V1__create_event_table.sql}}
   */
  public List<String> versions() {
    var files = new ArrayList<String>(List.of(CREATE));
    if (immutable && dialect != Dialect.H2) {
      files.add(IMMUTABLE);
    }
    files.add(VERSIONED);
    return files;
  }

  /** {@return the statements of every version, with the table name filled in, in order} */
  public List<String> statements() {
    return versions().stream()
        .flatMap(file -> SqlScript.statements(dialect, file, table).stream())
        .toList();
  }

  /**
   * Applies the versions not applied yet; running it again changes nothing.
   *
   * @throws EventStoreException if the database refuses a statement
   */
  public void migrate() {
    try {
      Jdbi.create(dataSource)
          .useHandle(
              handle ->
                  SchemaMigration.apply(handle.getConnection(), dialect, table, "", versions()));
    } catch (SQLException | JdbiException e) {
      throw EventStoreException.storageFailure("create the schema of table " + table, e);
    }
  }
}
