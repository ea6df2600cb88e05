package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.SchemaScripts;
import dev.boulevard.eventstore.jdbc.SchemaScripts.Version;
import java.util.List;
import java.util.Map;

/**
 * The read side's shipped SQL files, under {@code dev/boulevard/readmodel/jdbc/sql/<dialect>/}: one
 * folder per kind of table, each file with a {@code ${table}} placeholder.
 */
final class ReadSideScripts {

  /** The four tables of a {@link JdbcProjectionStore}. */
  static final SchemaScripts PROJECTIONS =
      new SchemaScripts(
          JdbcReadModelStorage.class,
          "projections",
          List.of(
              new Version(
                  "V1__create_projection_tables.sql",
                  Map.of(
                      "",
                      List.of(
                          "name",
                          "generation",
                          "live",
                          "commit_order",
                          "position",
                          "parked_commit_order",
                          "parked_position",
                          "parked_event_type",
                          "parked_error",
                          "parked_at"),
                      "_decisions",
                      List.of(
                          "id",
                          "name",
                          "decision",
                          "commit_order",
                          "position",
                          "event_type",
                          "error",
                          "parked_at",
                          "reason",
                          "decided_at"),
                      "_leases",
                      List.of("name", "owner", "epoch", "expires_at"),
                      "_members",
                      List.of("grp", "owner", "expires_at")))));

  /** The table of a {@link JdbcOutbox}. */
  static final SchemaScripts OUTBOX =
      new SchemaScripts(
          JdbcReadModelStorage.class,
          "outbox",
          List.of(
              new Version(
                  "V1__create_outbox_table.sql",
                  Map.of(
                      "",
                      List.of(
                          "id",
                          "process_name",
                          "correlation",
                          "deadline_key",
                          "due_at",
                          "command_type",
                          "command",
                          "correlation_id",
                          "causation_id",
                          "attempts",
                          "last_error",
                          "kept")))));

  /** The two tables of a read model, {@code <name>} and {@code <name>_fields}. */
  static final SchemaScripts READ_MODEL =
      new SchemaScripts(
          JdbcReadModelStorage.class,
          "readmodel",
          List.of(
              new Version(
                  "V1__create_read_model_tables.sql",
                  Map.of(
                      "",
                      List.of("seq", "id", "document"),
                      "_fields",
                      List.of("model_id", "field", "value_key")))));

  private ReadSideScripts() {}
}
