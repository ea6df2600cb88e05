package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.SchemaMigrationException;
import dev.boulevard.readmodel.ReadModelException;

/**
 * Creates, or validates, the table of a {@link JdbcOutbox} and its two indexes from the shipped
 * files {@code sql/<dialect>/outbox/V*.sql}: {@code <table>_due} on (kept, due_at) for the
 * dispatcher's query, {@code <table>_key} on (process_name, correlation, deadline_key) for
 * cancellations. Instants are microseconds since the epoch, UTC.
 */
final class OutboxTable {

  private OutboxTable() {}

  static void create(JdbcReadModelStorage storage, String table) {
    // JdbcSchema runs DDL on a connection of its own, under the SchemaLock: MariaDB commits any
    // open transaction before DDL. Tables created before the files existed are kept as they are.
    try {
      JdbcSchema.of(storage.dataSource(), table, storage.dialect(), ReadSideScripts.OUTBOX)
          .apply(storage.schemaMode());
    } catch (SchemaMigrationException e) {
      throw new ReadModelException("Could not create the outbox table " + table, e);
    }
  }
}
