package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Creating and migrating the events, command log and snapshot tables on every database, at once
 * from several threads, and naming them safely.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcSchemaTest {

  @Nested
  class OnH2 extends SchemaBehaviour {
    OnH2() {
      super(TestDatabase.H2, Dialect.H2);
    }
  }

  @Nested
  class OnPostgres extends SchemaBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL, Dialect.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends SchemaBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB, Dialect.MARIADB);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class SchemaBehaviour {

    private final TestStores stores;
    private final Dialect dialect;

    SchemaBehaviour(TestDatabase database, Dialect dialect) {
      this.stores = new TestStores(database);
      this.dialect = dialect;
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @Test
    void detects_the_dialect_of_the_database() throws SQLException {
      assertThat(Dialect.detect(dataSource())).isEqualTo(dialect);
      try (Connection connection = dataSource().getConnection()) {
        assertThat(Dialect.detect(connection)).isEqualTo(dialect);
      }
    }

    @Test
    void migrating_twice_changes_nothing_and_records_each_version_once() throws SQLException {
      String table = stores.newTable();
      var schema = JdbcSchema.eventStore(dataSource(), table);
      schema.migrate();
      var store = stores.storeOn(table, builder -> builder);
      var stream = deposits("acc-1", 0, 2);
      store.append("acc-1", stream);

      schema.migrate();

      assertThat(appliedVersions(table)).containsExactlyElementsOf(schema.versions());
      assertThat(store.load("acc-1")).containsExactlyElementsOf(stream);
    }

    @Test
    void the_versions_include_immutability_except_on_h2_or_when_left_out() {
      var schema = JdbcSchema.eventStore(dataSource(), stores.newTable());
      var later =
          dialect == Dialect.POSTGRESQL
              ? List.of("V4__notify_outside_appends.sql", "V5__drop_event_type_index.sql")
              : List.of("V5__drop_event_type_index.sql");

      var withImmutability = new ArrayList<>(List.of("V1__create_event_table.sql"));
      if (dialect != Dialect.H2) {
        withImmutability.add("V2__refuse_update_and_delete.sql");
      }
      withImmutability.add("V3__add_event_version.sql");
      withImmutability.addAll(later);
      var without =
          new ArrayList<>(List.of("V1__create_event_table.sql", "V3__add_event_version.sql"));
      without.addAll(later);

      assertThat(schema.versions()).containsExactlyElementsOf(withImmutability);
      assertThat(schema.withoutImmutability().versions()).containsExactlyElementsOf(without);
    }

    @Test
    void the_events_table_carries_only_the_indexes_its_queries_need() throws Exception {
      String table = stores.newTable();
      JdbcSchema.eventStore(dataSource(), table).migrate();

      var indexes = new java.util.TreeSet<String>();
      try (Connection connection = dataSource().getConnection()) {
        var metadata = connection.getMetaData();
        for (String name :
            List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
          try (var rs = metadata.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
            while (rs.next()) {
              if (rs.getString("INDEX_NAME") != null) {
                indexes.add(
                    rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                        + "@"
                        + rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
              }
            }
          }
        }
      }
      var indexNames =
          indexes.stream()
              .map(entry -> entry.substring(entry.indexOf('@') + 1))
              .distinct()
              .toList();
      var indexedColumns =
          indexes.stream().map(entry -> entry.substring(0, entry.indexOf('@'))).distinct().toList();

      // The position (reads of the log by position), the event id (refuses a second copy), the
      // aggregate and playhead (loads, and the concurrency check); on PostgreSQL the log order.
      assertThat(indexNames).hasSize(dialect == Dialect.POSTGRESQL ? 4 : 3);
      assertThat(indexedColumns).doesNotContain("event_type");
    }

    @Test
    void every_statement_names_the_table_and_leaves_no_placeholder() {
      String table = stores.newTable();

      List<String> statements = JdbcSchema.eventStore(dataSource(), table).statements();

      assertThat(statements)
          .isNotEmpty()
          .allSatisfy(
              statement ->
                  assertThat(statement).contains(table).doesNotContain("${").doesNotEndWith(";"));
    }

    @Test
    void the_statements_run_by_hand_make_a_table_the_store_works_on() throws SQLException {
      String table = stores.newTable();
      try (Connection connection = dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String sql : JdbcSchema.eventStore(dataSource(), table).statements()) {
          statement.execute(sql);
        }
      }
      var store = stores.storeOn(table, builder -> builder);
      var stream = deposits("acc-1", 0, 3);

      store.append("acc-1", stream);

      assertThat(store.load("acc-1")).containsExactlyElementsOf(stream);
    }

    @Test
    void two_threads_migrating_one_new_table_at_once_both_succeed() throws Exception {
      for (int round = 0; round < 5; round++) {
        String table = stores.newTable();

        migrateAtOnce(List.of(eventStore(table), eventStore(table)));

        assertThat(appliedVersions(table)).containsExactlyElementsOf(eventStore(table).versions());
        var store = stores.storeOn(table, builder -> builder);
        store.append("acc-1", deposits("acc-1", 0, 1));
        assertThat(store.load("acc-1")).hasSize(1);
      }
    }

    @Test
    void several_threads_migrating_a_new_command_log_and_snapshot_table_at_once_all_succeed()
        throws Exception {
      for (int round = 0; round < 3; round++) {
        String commands = stores.newTable();
        String snapshots = stores.newTable();
        var migrations = new ArrayList<JdbcSchema>();
        for (int thread = 0; thread < 3; thread++) {
          migrations.add(JdbcSchema.commandLog(dataSource(), commands));
          migrations.add(JdbcSchema.snapshots(dataSource(), snapshots));
        }

        migrateAtOnce(migrations);

        assertThat(appliedVersions(commands))
            .containsExactly("V1__create_command_log.sql", "V2__add_error_type.sql");
        assertThat(appliedVersions(snapshots)).containsExactly("V1__create_snapshot_table.sql");
        assertThat(rowsIn(commands)).isZero();
        assertThat(rowsIn(snapshots)).isZero();
      }
    }

    @Test
    void the_command_log_and_snapshot_schemas_consist_of_their_own_scripts_on_every_dialect() {
      String table = stores.newTable();

      assertThat(JdbcSchema.commandLog(dataSource(), table).versions())
          .containsExactly("V1__create_command_log.sql", "V2__add_error_type.sql");
      assertThat(JdbcSchema.snapshots(dataSource(), table).withoutImmutability().versions())
          .containsExactly("V1__create_snapshot_table.sql");
    }

    @Test
    void naming_the_dialect_describes_the_same_schema_as_detecting_it() {
      String table = stores.newTable();

      assertThat(JdbcSchema.eventStore(dataSource(), table, dialect).statements())
          .isEqualTo(eventStore(table).statements());
      assertThat(JdbcSchema.commandLog(dataSource(), table, dialect).statements())
          .isEqualTo(JdbcSchema.commandLog(dataSource(), table).statements());
      assertThat(JdbcSchema.snapshots(dataSource(), table, dialect).statements())
          .isEqualTo(JdbcSchema.snapshots(dataSource(), table).statements());
    }

    @Test
    void a_refused_migration_of_any_table_is_a_schema_migration_exception() throws SQLException {
      String table = stores.newTable();
      try (Connection connection = dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE "
                + table
                + "_schema_version (version VARCHAR(100) NOT NULL, refusal INT NOT NULL)");
      }

      for (JdbcSchema schema :
          List.of(
              eventStore(table),
              JdbcSchema.commandLog(dataSource(), table),
              JdbcSchema.snapshots(dataSource(), table))) {
        assertThatExceptionOfType(SchemaMigrationException.class)
            .isThrownBy(schema::migrate)
            .withMessageContaining(table);
      }
    }

    @Test
    void a_table_name_of_40_characters_works() {
      String table = stores.newTable(40);
      JdbcSchema.eventStore(dataSource(), table).migrate();
      var store = stores.storeOn(table, builder -> builder);

      store.append("acc-1", deposits("acc-1", 0, 1));

      assertThat(table).hasSize(40);
      assertThat(store.load("acc-1")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "events; drop table x",
          "events--",
          "events x",
          "\"events\"",
          "ev`ents",
          "1events",
          "",
          "a_table_name_that_has_41_characters_in_it"
        })
    void the_builder_and_the_schema_refuse_a_table_name_that_is_not_a_plain_identifier(
        String name) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> JdbcEventStore.builder(dataSource(), TestStores.SERIALIZER).table(name));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> JdbcSchema.eventStore(dataSource(), name));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> JdbcSchema.commandLog(dataSource(), name));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> JdbcSchema.snapshots(dataSource(), name, dialect));
    }

    /** Runs each migration on its own thread, all released at once, and waits for all to end. */
    private void migrateAtOnce(List<JdbcSchema> schemas) throws Exception {
      ExecutorService threads = Executors.newFixedThreadPool(schemas.size());
      try {
        var ready = new CountDownLatch(schemas.size());
        var go = new CountDownLatch(1);
        var migrations = new ArrayList<Future<Void>>();
        for (JdbcSchema schema : schemas) {
          Callable<Void> migration =
              () -> {
                ready.countDown();
                assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                schema.migrate();
                return null;
              };
          migrations.add(threads.submit(migration));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (Future<Void> each : migrations) {
          each.get(60, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }
    }

    private JdbcSchema eventStore(String table) {
      return JdbcSchema.eventStore(dataSource(), table);
    }

    private long rowsIn(String table) throws SQLException {
      try (Connection connection = dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }

    private List<String> appliedVersions(String table) throws SQLException {
      var versions = new ArrayList<String>();
      try (Connection connection = dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT version FROM " + table + "_schema_version ORDER BY version")) {
        while (rs.next()) {
          versions.add(rs.getString(1));
        }
      }
      return versions;
    }

    private DataSource dataSource() {
      return stores.database().dataSource();
    }
  }
}
