package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The triggers of the default schema on PostgreSQL and MariaDB refuse to change stored events; a
 * schema built without immutability does not. H2's schema has no such triggers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImmutableHistoryTest {

  @Nested
  class OnPostgres extends ImmutableHistoryBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }

    @Test
    void truncating_the_table_is_refused_and_the_events_stay() throws SQLException {
      var stored = storeOneStream(schema -> schema);

      assertThatThrownBy(() -> execute("TRUNCATE TABLE " + table()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("immutable");

      assertThat(store().load(AGGREGATE)).containsExactlyElementsOf(stored);
    }

    @Test
    void truncating_the_table_succeeds_without_immutability() throws SQLException {
      storeOneStream(JdbcSchema::withoutImmutability);

      execute("TRUNCATE TABLE " + table());

      assertThat(store().loadFromPlayhead(AGGREGATE, 0)).isEmpty();
    }
  }

  @Nested
  class OnMariaDb extends ImmutableHistoryBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class ImmutableHistoryBehaviour {

    static final String AGGREGATE = "acc-1";

    private final TestStores stores;
    private String table;
    private JdbcEventStore store;

    ImmutableHistoryBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @Test
    void updating_a_stored_event_is_refused_and_the_event_stays_as_it_was() throws SQLException {
      var stored = storeOneStream(schema -> schema);

      assertThatThrownBy(() -> execute(updateOfTheSecondEvent()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("immutable");

      assertThat(store.load(AGGREGATE)).containsExactlyElementsOf(stored);
    }

    @Test
    void deleting_a_stored_event_is_refused_and_the_event_stays() throws SQLException {
      var stored = storeOneStream(schema -> schema);

      assertThatThrownBy(() -> execute(deletionOfTheSecondEvent()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("immutable");

      assertThat(store.load(AGGREGATE)).containsExactlyElementsOf(stored);
    }

    @Test
    void updating_a_stored_event_succeeds_without_immutability() throws SQLException {
      storeOneStream(JdbcSchema::withoutImmutability);

      assertThat(execute(updateOfTheSecondEvent())).isEqualTo(1);

      assertThat(store.load(AGGREGATE).payloads())
          .containsExactly(new Deposited(AGGREGATE, 1), new Deposited(AGGREGATE, 1_000_000));
    }

    @Test
    void deleting_a_stored_event_succeeds_without_immutability() throws SQLException {
      var stored = storeOneStream(JdbcSchema::withoutImmutability);

      assertThat(execute(deletionOfTheSecondEvent())).isEqualTo(1);

      assertThat(store.load(AGGREGATE)).containsExactly(stored.messages().get(0));
    }

    @Test
    void a_table_made_without_immutability_becomes_immutable_when_migrated_with_the_default()
        throws SQLException {
      var stored = storeOneStream(JdbcSchema::withoutImmutability);

      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();

      assertThatThrownBy(() -> execute(deletionOfTheSecondEvent()))
          .isInstanceOf(SQLException.class);
      assertThat(store.load(AGGREGATE)).containsExactlyElementsOf(stored);
    }

    /** {@return the stream stored in a new table whose schema the given function shapes} */
    DomainEventStream storeOneStream(UnaryOperator<JdbcSchema> shape) {
      table = stores.newTable();
      shape.apply(JdbcSchema.eventStore(stores.database().dataSource(), table)).migrate();
      store = stores.storeOn(table, builder -> builder);
      var stream = deposits(AGGREGATE, 0, 2);
      store.append(AGGREGATE, stream);
      return stream;
    }

    private String updateOfTheSecondEvent() {
      // A change a reader would notice: the deposit's amount, in the JSON of either database.
      return "UPDATE "
          + table
          + " SET payload = "
          + (stores.database() == TestDatabase.POSTGRESQL
              ? "CAST('{\"account\":\"acc-1\",\"amount\":1000000}' AS JSONB)"
              : "'{\"account\":\"acc-1\",\"amount\":1000000}'")
          + " WHERE aggregate_id = 'acc-1' AND playhead = 1";
    }

    private String deletionOfTheSecondEvent() {
      return "DELETE FROM " + table + " WHERE aggregate_id = 'acc-1' AND playhead = 1";
    }

    /** {@return the number of rows changed by a statement run in a transaction of its own} */
    int execute(String sql) throws SQLException {
      try (Connection connection = stores.database().dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        return statement.executeUpdate(sql);
      }
    }

    String table() {
      return table;
    }

    JdbcEventStore store() {
      return store;
    }
  }
}
