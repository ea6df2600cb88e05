package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.SchemaMigrationException;
import dev.boulevard.readmodel.ReadModelException;

/**
 * Creates, or validates, the four tables of a {@link JdbcProjectionStore} from the shipped files
 * {@code sql/<dialect>/projections/V*.sql}: {@code <table>}, {@code <table>_decisions}, {@code
 * <table>_leases} and {@code <table>_members}.
 */
final class ProjectionTables {

  private ProjectionTables() {}

  static void create(JdbcReadModelStorage storage, String table) {
    // JdbcSchema runs DDL on a connection of its own, under the SchemaLock: MariaDB commits any
    // open transaction before DDL. Tables created before the files existed are kept as they are.
    try {
      JdbcSchema.of(storage.dataSource(), table, storage.dialect(), ReadSideScripts.PROJECTIONS)
          .apply(storage.schemaMode());
    } catch (SchemaMigrationException e) {
      throw new ReadModelException("Could not create the projection tables " + table, e);
    }
  }
}
