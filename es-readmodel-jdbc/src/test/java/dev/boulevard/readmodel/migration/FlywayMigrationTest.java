package dev.boulevard.readmodel.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.auditing.CommandLogEntry;
import dev.boulevard.correlation.Causation;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.JdbcCommandLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.JdbcSnapshotStore;
import dev.boulevard.eventstore.jdbc.SchemaMode;
import dev.boulevard.eventstore.jdbc.SchemaValidationException;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.example.AccountBalance;
import dev.boulevard.example.AccountBalanceProjector;
import dev.boulevard.example.AccountEvent.AccountOpened;
import dev.boulevard.example.AccountEvent.MoneyDeposited;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.spi.OutboxEntry;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.snapshotting.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A team creates every table with Flyway from the SQL files shipped in the jars, with the
 * configuration of docs/migrations.md, and runs the event store, snapshots, command log and the
 * read side on them in {@link SchemaMode#VALIDATE}, which runs no DDL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class FlywayMigrationTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("account.opened", AccountOpened.class)
              .register("account.deposited", MoneyDeposited.class)
              .build());

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class OnDatabase {
    private final TestDatabase database;
    private final List<String> tables = new ArrayList<>();

    OnDatabase(TestDatabase database) {
      this.database = database;
    }

    private String newPrefix() {
      return "fw_"
          + Long.toString(ProcessHandle.current().pid(), 36)
          + "_"
          + NAMES.incrementAndGet();
    }

    @Test
    void a_schema_that_flyway_migrated_runs_every_store_without_ddl() throws Exception {
      DataSource dataSource = database.dataSource();
      Dialect dialect = Dialect.detect(dataSource);
      String prefix = newPrefix();
      String events = prefix + "_ev";
      String snapshots = prefix + "_sn";
      String commands = prefix + "_cl";
      String projections = prefix + "_pr";
      String outbox = prefix + "_ob";
      String balances = prefix + "_bal";
      forget(events, snapshots, commands, projections, outbox, balances + "_1");

      // docs/migrations.md: calls begin
      String db = dialect.folder(); // "postgresql", "mariadb" or "h2"
      String store = "classpath:dev/boulevard/eventstore/jdbc/sql/" + db;
      String read = "classpath:dev/boulevard/readmodel/jdbc/sql/" + db;
      FlywayTables.migrate(dataSource, store + "/events", events);
      FlywayTables.migrate(dataSource, store + "/snapshot", snapshots);
      FlywayTables.migrate(dataSource, store + "/command_log", commands);
      FlywayTables.migrate(dataSource, read + "/projections", projections);
      FlywayTables.migrate(dataSource, read + "/outbox", outbox);
      // A tracking projection's read model is the table <name>_<generation>.
      FlywayTables.migrate(dataSource, read + "/readmodel", balances + "_1");
      // docs/migrations.md: calls end

      JdbcSchema.eventStore(dataSource, events).validate();
      JdbcSchema.snapshots(dataSource, snapshots).validate();
      JdbcSchema.commandLog(dataSource, commands).validate();
      try (JdbcEventStore eventStore =
          JdbcEventStore.builder(dataSource, SERIALIZER).table(events).build()) {
        var snapshotStore = JdbcSnapshotStore.builder(eventStore).table(snapshots).build();
        var commandLog = JdbcCommandLog.builder(dataSource).table(commands).build();
        var storage = JdbcReadModelStorage.builder(dataSource).schema(SchemaMode.VALIDATE).build();
        TrackingProjection balanceProjection =
            TrackingProjection.named("balances")
                .readModel(balances, AccountBalance.class)
                .projector(
                    models ->
                        new AccountBalanceProjector(
                            models.repository(balances, AccountBalance.class)));

        try (Projections running =
            Projections.builder(eventStore, storage)
                .stateTable(projections)
                .add(balanceProjection)
                .build()) {
          running.start();
          long position =
              eventStore
                  .append(
                      "acc-1",
                      DomainEventStream.of(
                          message(0, new AccountOpened("acc-1", "Ada")),
                          message(1, new MoneyDeposited("acc-1", 100))))
                  .position();
          snapshotStore.save(
              new Snapshot<>("acc-1", 1, 1, new AccountBalance("acc-1", "Ada", 100)));
          commandLog.record(
              CommandLogEntry.succeeded(
                  new MoneyDeposited("acc-1", 100), Instant.now(), Duration.ofMillis(1)));
          Instant due = Instant.now().truncatedTo(ChronoUnit.MICROS);
          storage
              .outbox(outbox)
              .add(
                  new OutboxEntry(
                      0,
                      "transfers",
                      "t-1",
                      "deadline",
                      due,
                      "transfer.expire",
                      "{}",
                      new Causation("c-1", "e-1"),
                      0,
                      null));

          assertThat(running.awaitPosition(position, Duration.ofSeconds(30))).isTrue();
          assertThat(running.readModel(balances, AccountBalance.class).findBy("owner", "Ada"))
              .containsExactly(new AccountBalance("acc-1", "Ada", 100));
          assertThat(storage.projectionStore(projections).leases())
              .extracting(lease -> lease.projection())
              .contains("balances");
          assertThat(eventStore.load("acc-1").payloads()).hasSize(2);
          assertThat(snapshotStore.latest("acc-1")).isPresent();
          assertThat(commandLog.newest(1)).hasSize(1);
          assertThat(storage.outbox(outbox).due(due, 10))
              .extracting(OutboxEntry::correlation)
              .containsExactly("t-1");
        }
      }
      assertThat(tableExists(dataSource, events + "_schema_version")).isFalse();
      assertThat(tableExists(dataSource, projections + "_schema_version")).isFalse();
      assertThat(tableExists(dataSource, balances + "_1_schema_version")).isFalse();
    }

    @Test
    void validation_names_the_missing_table_and_the_files_that_create_it() {
      DataSource dataSource = database.dataSource();
      String db = Dialect.detect(dataSource).folder();
      String prefix = newPrefix();
      var storage = JdbcReadModelStorage.builder(dataSource).schema(SchemaMode.VALIDATE).build();

      assertThatThrownBy(() -> storage.outbox(prefix + "_ob"))
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining("table '" + prefix + "_ob' does not exist")
          .hasMessageContaining("classpath:dev/boulevard/readmodel/jdbc/sql/" + db + "/outbox");
      assertThatThrownBy(() -> storage.projectionStore(prefix + "_pr"))
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining("table '" + prefix + "_pr_leases' does not exist");
      assertThatThrownBy(() -> JdbcSchema.eventStore(dataSource, prefix + "_ev").validate())
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining("table '" + prefix + "_ev' does not exist")
          .hasMessageContaining("classpath:dev/boulevard/eventstore/jdbc/sql/" + db + "/events");
      assertThat(tableExists(dataSource, prefix + "_ob")).isFalse();
      assertThat(tableExists(dataSource, prefix + "_ob_schema_version")).isFalse();
    }

    @Test
    void validation_names_the_column_and_version_that_a_lagging_migration_lacks() {
      DataSource dataSource = database.dataSource();
      String db = Dialect.detect(dataSource).folder();
      String commands = newPrefix() + "_cl";
      forget(commands);

      FlywayTables.migrateUpTo(
          dataSource,
          "classpath:dev/boulevard/eventstore/jdbc/sql/" + db + "/command_log",
          commands,
          "1");

      assertThatThrownBy(() -> JdbcSchema.commandLog(dataSource, commands).validate())
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining(
              "table '"
                  + commands
                  + "' has no column 'error_type' (added by V2__add_error_type.sql)");
    }

    private void forget(String... names) {
      tables.addAll(List.of(names));
    }

    private static DomainMessage message(long playhead, Object event) {
      return DomainMessage.recordNow("acc-1", playhead, Metadata.empty(), event, Clock.systemUTC());
    }

    @AfterEach
    void dropTables() throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String table : tables) {
          for (String suffix :
              List.of(
                  "_flyway_history",
                  "_schema_version",
                  "_append_lock",
                  "_fields",
                  "_decisions",
                  "_leases",
                  "_members",
                  "")) {
            statement.execute("DROP TABLE IF EXISTS " + table + suffix);
          }
          if (database == TestDatabase.POSTGRESQL) {
            statement.execute("DROP FUNCTION IF EXISTS " + table + "_refuse_change()");
          }
        }
      }
      tables.clear();
    }
  }

  static boolean tableExists(DataSource dataSource, String table) {
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      for (String name :
          List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
        try (var rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends OnDatabase {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends OnDatabase {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
