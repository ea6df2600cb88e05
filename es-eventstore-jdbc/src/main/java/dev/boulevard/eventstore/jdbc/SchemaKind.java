package dev.boulevard.eventstore.jdbc;

import java.util.ArrayList;
import java.util.List;

/** The tables a {@link JdbcSchema} creates, each with its folder of shipped SQL scripts. */
enum SchemaKind {
  /** The events table of a {@link JdbcEventStore}. */
  EVENTS("", List.of("V1__create_event_table.sql", "V3__add_event_version.sql")),
  /** The table of a {@link JdbcCommandLog}. */
  COMMAND_LOG("command_log/", List.of("V1__create_command_log.sql", "V2__add_error_type.sql")),
  /** The table of a {@link JdbcSnapshotStore}. */
  SNAPSHOTS("snapshot/", List.of("V1__create_snapshot_table.sql")),
  /** The table of a {@link JdbcIdempotencyStore}. */
  IDEMPOTENCY_KEYS("idempotency/", List.of("V1__create_idempotency_keys.sql"));

  /** The events table's triggers that refuse UPDATE and DELETE, shipped for PostgreSQL, MariaDB. */
  private static final String IMMUTABLE = "V2__refuse_update_and_delete.sql";

  /** PostgreSQL: drops the trigger of V1 that notified readers inside every append. */
  private static final String NOTIFY_OUTSIDE = "V4__notify_outside_appends.sql";

  /** Every dialect: drops the index on the event type, which no query needs. */
  private static final String NO_TYPE_INDEX = "V5__drop_event_type_index.sql";

  private final String folder;
  private final List<String> versions;

  SchemaKind(String folder, List<String> versions) {
    this.folder = folder;
    this.versions = versions;
  }

  /** {@return the scripts' folder under the dialect's, such as {@code command_log/}, or empty} */
  String folder() {
    return folder;
  }

  /** {@return the versions of this table on a dialect, in order, with or without immutability} */
  List<String> versions(Dialect dialect, boolean immutable) {
    if (this != EVENTS) {
      return versions;
    }
    var files = new ArrayList<>(versions);
    if (immutable && dialect != Dialect.H2) {
      files.add(1, IMMUTABLE);
    }
    if (dialect == Dialect.POSTGRESQL) {
      files.add(NOTIFY_OUTSIDE);
    }
    files.add(NO_TYPE_INDEX);
    return List.copyOf(files);
  }
}
