package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcSchema#validate()} on every database: it runs no DDL, accepts what {@link
 * JdbcSchema#migrate()} made, and names what is missing and the files that create it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaValidationTest {

  @Nested
  class OnH2 extends Validation {
    OnH2() {
      super(TestDatabase.H2, Dialect.H2);
    }
  }

  @Nested
  class OnPostgres extends Validation {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL, Dialect.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Validation {
    OnMariaDb() {
      super(TestDatabase.MARIADB, Dialect.MARIADB);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Validation {

    private final TestStores stores;
    private final Dialect dialect;

    Validation(TestDatabase database, Dialect dialect) {
      this.stores = new TestStores(database);
      this.dialect = dialect;
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @Test
    void tables_that_migrate_created_pass_validation() {
      var source = stores.database().dataSource();
      List<JdbcSchema> schemas =
          List.of(
              JdbcSchema.eventStore(source, stores.newTable()),
              JdbcSchema.commandLog(source, stores.newTable()),
              JdbcSchema.snapshots(source, stores.newTable()),
              JdbcSchema.idempotencyKeys(source, stores.newTable()));
      for (JdbcSchema schema : schemas) {
        schema.apply(SchemaMode.CREATE);
        assertThatCode(() -> schema.apply(SchemaMode.VALIDATE)).doesNotThrowAnyException();
      }
    }

    @Test
    void a_missing_table_is_named_with_the_files_that_create_it_and_nothing_is_created() {
      String table = stores.newTable();

      assertThatThrownBy(
              () -> JdbcSchema.snapshots(stores.database().dataSource(), table).validate())
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining(
              "table '" + table + "' does not exist (created by V1__create_snapshot_table.sql)")
          .hasMessageContaining(
              "classpath:dev/boulevard/eventstore/jdbc/sql/" + dialect.folder() + "/snapshot")
          .hasMessageContaining("${table} = " + table);
      assertThat(exists(table)).isFalse();
      assertThat(exists(table + "_schema_version")).isFalse();
    }

    @Test
    void an_events_table_of_an_older_version_is_named_with_its_missing_column_and_versions()
        throws SQLException {
      String table = stores.newTable();
      try (Connection connection = stores.database().dataSource().getConnection()) {
        SchemaMigration.apply(
            connection,
            dialect,
            table,
            new SchemaScripts(
                JdbcSchema.class,
                "events",
                List.of(SchemaScripts.Version.of("V1__create_event_table.sql"))));
      }

      assertThatThrownBy(
              () -> JdbcSchema.eventStore(stores.database().dataSource(), table).validate())
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining(
              "table '"
                  + table
                  + "' has no column 'event_version' (added by V3__add_event_version.sql)")
          .hasMessageContaining(
              "version V5__drop_event_type_index.sql is not recorded as applied in "
                  + table
                  + "_schema_version");
    }

    @Test
    void validation_follows_the_immutability_the_table_was_migrated_with() {
      var source = stores.database().dataSource();
      String table = stores.newTable();
      JdbcSchema.eventStore(source, table).withoutImmutability().migrate();

      assertThatCode(() -> JdbcSchema.eventStore(source, table).withoutImmutability().validate())
          .doesNotThrowAnyException();
      if (dialect != Dialect.H2) {
        assertThatThrownBy(() -> JdbcSchema.eventStore(source, table).validate())
            .isInstanceOf(SchemaValidationException.class)
            .hasMessageContaining("version V2__refuse_update_and_delete.sql is not recorded");
      }
    }

    @Test
    void a_schema_names_the_flyway_location_of_its_files() {
      var source = stores.database().dataSource();

      assertThat(JdbcSchema.commandLog(source, "cl", dialect).flywayLocation())
          .isEqualTo(
              "classpath:dev/boulevard/eventstore/jdbc/sql/" + dialect.folder() + "/command_log");
    }

    @Test
    void scripts_refuse_a_kind_or_file_that_flyway_could_not_read() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new SchemaScripts(JdbcSchema.class, "../events", List.of()))
          .withMessageContaining("'../events'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new SchemaScripts.Version("create.sql", Map.of()))
          .withMessageContaining("V<number>__<description>.sql; got 'create.sql'");
    }

    private boolean exists(String table) {
      try (Connection connection = stores.database().dataSource().getConnection()) {
        return SchemaValidation.problems(
                connection,
                table,
                new SchemaScripts(
                    JdbcSchema.class,
                    "snapshot",
                    List.of(new SchemaScripts.Version("V1__x.sql", Map.of("", List.of())))))
            .isEmpty();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
