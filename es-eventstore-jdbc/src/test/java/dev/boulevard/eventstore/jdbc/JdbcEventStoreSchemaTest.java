package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

/** Creating and migrating the events table on every database, and naming it safely. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcEventStoreSchemaTest {

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
      var schema = JdbcEventStoreSchema.of(dataSource(), table);
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
      var schema = JdbcEventStoreSchema.of(dataSource(), stores.newTable());

      assertThat(schema.versions())
          .containsExactlyElementsOf(
              dialect == Dialect.H2
                  ? List.of("V1__create_event_table.sql", "V3__add_event_version.sql")
                  : List.of(
                      "V1__create_event_table.sql",
                      "V2__refuse_update_and_delete.sql",
                      "V3__add_event_version.sql"));
      assertThat(schema.withoutImmutability().versions())
          .containsExactly("V1__create_event_table.sql", "V3__add_event_version.sql");
    }

    @Test
    void every_statement_names_the_table_and_leaves_no_placeholder() {
      String table = stores.newTable();

      List<String> statements = JdbcEventStoreSchema.of(dataSource(), table).statements();

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
        for (String sql : JdbcEventStoreSchema.of(dataSource(), table).statements()) {
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
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 5; round++) {
          String table = stores.newTable();
          var ready = new CountDownLatch(2);
          var go = new CountDownLatch(1);
          Callable<Void> migration =
              () -> {
                var schema = JdbcEventStoreSchema.of(dataSource(), table);
                ready.countDown();
                assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                schema.migrate();
                return null;
              };
          List<Future<Void>> migrations =
              new ArrayList<>(List.of(threads.submit(migration), threads.submit(migration)));
          assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
          go.countDown();
          for (Future<Void> each : migrations) {
            each.get(60, TimeUnit.SECONDS);
          }

          assertThat(appliedVersions(table))
              .containsExactlyElementsOf(JdbcEventStoreSchema.of(dataSource(), table).versions());
          var store = stores.storeOn(table, builder -> builder);
          store.append("acc-1", deposits("acc-1", 0, 1));
          assertThat(store.load("acc-1")).hasSize(1);
        }
      } finally {
        threads.shutdownNow();
      }
    }

    @Test
    void a_table_name_of_40_characters_works() {
      String table = stores.newTable(40);
      JdbcEventStoreSchema.of(dataSource(), table).migrate();
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
          .isThrownBy(() -> JdbcEventStoreSchema.of(dataSource(), name));
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
