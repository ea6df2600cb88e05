package dev.boulevard.readmodel.migration;

import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.JdbcCommandLog;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.SchemaMode;
import dev.boulevard.eventstore.jdbc.SchemaScripts;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The samples of docs/migrations.md that are not Flyway's (MigrationsGuideTest checks those). */
final class MigrationsGuide {

  /** Stands for a module's class next to its SQL files. */
  static final class MyStorage {}

  String location(DataSource dataSource) {
    String location = JdbcSchema.eventStore(dataSource, "account_events").flywayLocation();
    // classpath:dev/boulevard/eventstore/jdbc/sql/postgresql/events
    return location;
  }

  void create(DataSource dataSource) {
    JdbcSchema.eventStore(dataSource, "account_events").migrate();
    JdbcSchema.snapshots(dataSource, "account_snapshots").migrate();
    JdbcSchema.commandLog(dataSource, JdbcCommandLog.DEFAULT_TABLE).migrate();
    var storage = JdbcReadModelStorage.create(dataSource); // creates read-side tables on first use
  }

  void validate(DataSource dataSource) {
    // Event store side: check instead of migrate.
    JdbcSchema.eventStore(dataSource, "account_events").validate();
    JdbcSchema.snapshots(dataSource, "account_snapshots").validate();
    JdbcSchema.commandLog(dataSource, JdbcCommandLog.DEFAULT_TABLE).apply(SchemaMode.VALIDATE);

    // Read side: the storage checks each table the first time it is used, and creates nothing.
    var storage = JdbcReadModelStorage.builder(dataSource).schema(SchemaMode.VALIDATE).build();
  }

  void ownTables(DataSource dataSource, SchemaMode mode) {
    SchemaScripts outbox =
        new SchemaScripts(
            MyStorage.class, // files under <MyStorage's package>/sql/<dialect>/outbox/
            "outbox",
            List.of(
                new SchemaScripts.Version(
                    "V1__create_outbox_table.sql",
                    Map.of("", List.of("id", "process_name", "due_at")))));
    JdbcSchema.of(dataSource, "orders_outbox", Dialect.POSTGRESQL, outbox).apply(mode);
  }
}
