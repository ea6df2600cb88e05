package dev.boulevard.readmodel.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.correlation.Causation;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.SchemaMode;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.example.AccountBalance;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database whose read-side tables the release before the shipped SQL files created, in Java and
 * without a record of versions, keeps its rows and works: the storage takes its tables as version
 * 1, and validate mode accepts them as they are.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class OldStyleDatabaseTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class OnDatabase {
    private final TestDatabase database;
    private final List<String> tables = new ArrayList<>();

    OnDatabase(TestDatabase database) {
      this.database = database;
    }

    @Test
    void tables_created_by_the_old_code_keep_their_rows_and_are_recorded_as_version_1()
        throws SQLException {
      DataSource dataSource = database.dataSource();
      Dialect dialect = Dialect.detect(dataSource);
      String prefix =
          "os_" + Long.toString(ProcessHandle.current().pid(), 36) + "_" + NAMES.incrementAndGet();
      String projections = prefix + "_pr";
      String outbox = prefix + "_ob";
      String model = prefix + "_rm";
      tables.addAll(List.of(projections, outbox, model));
      run(OldStyleTables.projections(dialect, projections));
      run(OldStyleTables.outbox(dialect, outbox));
      run(OldStyleTables.readModel(dialect, model));
      // A row the old release wrote.
      run(
          List.of(
              "INSERT INTO "
                  + projections
                  + "_leases (name, owner, epoch, expires_at) VALUES ('old', 'node-1', 1, 0)"));

      var validating = JdbcReadModelStorage.builder(dataSource).schema(SchemaMode.VALIDATE).build();
      validating.projectionStore(projections);
      validating.outbox(outbox);
      validating.repository(model, AccountBalance.class);
      assertThat(versionRecordExists(projections)).isFalse();

      // The storage creates nothing, since the tables exist, but records them as version 1.
      var storage = JdbcReadModelStorage.create(dataSource);
      storage.repository(model, AccountBalance.class).save(new AccountBalance("acc-1", "Ada", 5));
      Instant due = Instant.now().truncatedTo(ChronoUnit.MICROS);
      storage
          .outbox(outbox)
          .add(
              new OutboxEntry(
                  0, "p", "c", null, due, "t", "{}", new Causation("c-1", "e-1"), 0, null));
      var store = storage.projectionStore(projections);
      assertThat(store.leases()).extracting(lease -> lease.projection()).contains("old");
      assertThat(store.claim("new", "node-2", Duration.ofSeconds(5))).isPresent();
      assertThat(storage.repository(model, AccountBalance.class).find("acc-1"))
          .contains(new AccountBalance("acc-1", "Ada", 5));
      assertThat(storage.outbox(outbox).due(due, 10)).hasSize(1);
      for (String table : List.of(projections, outbox, model)) {
        assertThat(recordedVersions(table)).containsExactly("V1__create_" + kind(table) + ".sql");
      }
    }

    private static String kind(String table) {
      if (table.endsWith("_pr")) {
        return "projection_tables";
      }
      return table.endsWith("_ob") ? "outbox_table" : "read_model_tables";
    }

    private void run(List<String> statements) throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
    }

    private boolean versionRecordExists(String table) {
      return FlywayMigrationTest.tableExists(database.dataSource(), table + "_schema_version");
    }

    private List<String> recordedVersions(String table) throws SQLException {
      var versions = new ArrayList<String>();
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery("SELECT version FROM " + table + "_schema_version")) {
        while (rs.next()) {
          versions.add(rs.getString(1));
        }
      }
      return versions;
    }

    @AfterEach
    void dropTables() throws SQLException {
      var statements = new ArrayList<String>();
      for (String table : tables) {
        for (String suffix :
            List.of("_schema_version", "_fields", "_decisions", "_leases", "_members", "")) {
          statements.add("DROP TABLE IF EXISTS " + table + suffix);
        }
      }
      run(statements);
      tables.clear();
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
