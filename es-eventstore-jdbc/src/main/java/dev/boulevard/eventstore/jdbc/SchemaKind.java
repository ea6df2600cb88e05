package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.jdbc.SchemaScripts.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables a {@link JdbcSchema} creates, each with its folder of shipped SQL scripts. */
enum SchemaKind {
  /** The events table of a {@link JdbcEventStore}. */
  EVENTS("events"),
  /** The table of a {@link JdbcCommandLog}. */
  COMMAND_LOG("command_log"),
  /** The table of a {@link JdbcSnapshotStore}. */
  SNAPSHOTS("snapshot"),
  /** The table of a {@link JdbcIdempotencyStore}. */
  IDEMPOTENCY_KEYS("idempotency");

  private static final List<String> EVENT_COLUMNS =
      List.of(
          "global_position",
          "event_id",
          "aggregate_id",
          "playhead",
          "event_type",
          "payload",
          "metadata",
          "recorded_on");

  private final String folder;

  SchemaKind(String folder) {
    this.folder = folder;
  }

  /** {@return the scripts of this table on a dialect, in order, with or without immutability} */
  SchemaScripts scripts(Dialect dialect, boolean immutable) {
    return new SchemaScripts(SchemaKind.class, folder, versions(dialect, immutable));
  }

  private List<Version> versions(Dialect dialect, boolean immutable) {
    return switch (this) {
      case EVENTS -> events(dialect, immutable);
      case COMMAND_LOG ->
          List.of(
              new Version(
                  "V1__create_command_log.sql",
                  Map.of(
                      "",
                      List.of(
                          "id",
                          "command_type",
                          "command",
                          "outcome",
                          "error",
                          "dispatched_at",
                          "duration_micros"))),
              new Version("V2__add_error_type.sql", Map.of("", List.of("error_type"))));
      case SNAPSHOTS ->
          List.of(
              new Version(
                  "V1__create_snapshot_table.sql",
                  Map.of("", List.of("aggregate_id", "playhead", "state_version", "state"))));
      case IDEMPOTENCY_KEYS ->
          List.of(
              new Version(
                  "V1__create_idempotency_keys.sql",
                  Map.of(
                      "",
                      List.of(
                          "scope",
                          "idempotency_key",
                          "fingerprint",
                          "result",
                          "created_at",
                          "expires_at"))));
    };
  }

  private static List<Version> events(Dialect dialect, boolean immutable) {
    var columns = new ArrayList<>(EVENT_COLUMNS);
    if (dialect == Dialect.POSTGRESQL) {
      columns.add("transaction_id");
    }
    var files = new ArrayList<Version>();
    // MariaDB and H2: appends take the lock row of <table>_append_lock.
    files.add(
        new Version(
            "V1__create_event_table.sql",
            dialect == Dialect.POSTGRESQL
                ? Map.of("", columns)
                : Map.of("", columns, "_append_lock", List.of("id"))));
    // PostgreSQL and MariaDB: triggers that refuse UPDATE and DELETE of stored events.
    if (immutable && dialect != Dialect.H2) {
      files.add(Version.of("V2__refuse_update_and_delete.sql"));
    }
    files.add(new Version("V3__add_event_version.sql", Map.of("", List.of("event_version"))));
    // PostgreSQL: drops the trigger of V1 that notified readers inside every append.
    if (dialect == Dialect.POSTGRESQL) {
      files.add(Version.of("V4__notify_outside_appends.sql"));
    }
    // Every dialect: drops the index on the event type, which no query needs.
    files.add(Version.of("V5__drop_event_type_index.sql"));
    return List.copyOf(files);
  }
}
