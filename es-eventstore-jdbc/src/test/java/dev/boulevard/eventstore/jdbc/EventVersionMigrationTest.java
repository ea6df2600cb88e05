package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventstore.contract.ContractEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Version 3 of the schema adds the event version to a table that holds events already. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventVersionMigrationTest {

  @Nested
  class OnH2 extends MigrationBehaviour {
    OnH2() {
      super(TestDatabase.H2, Dialect.H2);
    }
  }

  @Nested
  class OnPostgres extends MigrationBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL, Dialect.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends MigrationBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB, Dialect.MARIADB);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class MigrationBehaviour {

    private final TestStores stores;
    private final Dialect dialect;

    MigrationBehaviour(TestDatabase database, Dialect dialect) {
      this.stores = new TestStores(database);
      this.dialect = dialect;
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @Test
    void rows_stored_before_the_version_existed_read_as_version_1_and_stay_immutable()
        throws SQLException {
      String table = stores.newTable();
      List<String> older =
          dialect == Dialect.H2
              ? List.of("V1__create_event_table.sql")
              : List.of("V1__create_event_table.sql", "V2__refuse_update_and_delete.sql");
      try (Connection connection = stores.database().dataSource().getConnection()) {
        SchemaMigration.apply(
            connection,
            dialect,
            table,
            new SchemaScripts(
                JdbcSchema.class,
                "events",
                older.stream().map(SchemaScripts.Version::of).toList()));
        insertAsTheFirstReleaseDid(connection, table);
      }

      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();

      var store = stores.storeOn(table, builder -> builder);
      assertThat(store.load("acc-1").payloads())
          .containsExactly(new ContractEvent.Opened("acc-1", "Ada"));
      assertThat(RawRows.storedVersion(stores.database(), table, "acc-1", 0)).isEqualTo(1);
      if (dialect != Dialect.H2) {
        assertThatThrownBy(() -> execute("UPDATE " + table + " SET playhead = 5"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("immutable");
      }
    }

    private void insertAsTheFirstReleaseDid(Connection connection, String table)
        throws SQLException {
      String json = dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + table
                  + " (event_id, aggregate_id, playhead, event_type, payload, metadata,"
                  + " recorded_on) VALUES (?, 'acc-1', 0, 'contract.opened', "
                  + json
                  + ", "
                  + json
                  + ", ?)")) {
        OffsetDateTime now = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        if (dialect == Dialect.MARIADB) {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setObject(4, LocalDateTime.ofInstant(now.toInstant(), ZoneOffset.UTC));
        } else {
          insert.setObject(1, UUID.randomUUID());
          insert.setObject(4, now);
        }
        insert.setString(2, "{\"account\":\"acc-1\",\"owner\":\"Ada\"}");
        insert.setString(3, "{}");
        insert.executeUpdate();
      }
    }

    private void execute(String sql) throws SQLException {
      try (Connection connection = stores.database().dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }
}
