package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On PostgreSQL, the global log's watermark counts the transactions that can write the log: those
 * of this database. A transaction held open in another database of the server does not hold tailing
 * readers back; one held open in this database does, until it ends.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class PostgresWatermarkTest {

  private static final String OTHER_DATABASE = "boulevard_other";

  private final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);
  private String table;
  private JdbcEventStore store;

  @BeforeEach
  void createTable() {
    table = stores.newTable();
    JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
    store = stores.storeOn(table, builder -> builder);
  }

  @AfterEach
  void drop() throws SQLException {
    stores.close();
  }

  @Test
  void a_transaction_held_open_in_another_database_does_not_hold_readers_back() throws Exception {
    try (Connection other = openTransactionIn(otherDatabaseUrl())) {
      store.append("acc-1", deposits("acc-1", 0, 1));

      // Other sessions of this database (another test run) may hold the event back for a moment;
      // the other database's transaction, open throughout, would hold it back until it ends.
      assertThat(store.awaitEventsAfter(Checkpoint.beginning(), Duration.ofSeconds(20))).isTrue();
      assertThat(store.read(Checkpoint.beginning(), 10))
          .extracting(logged -> logged.message().aggregateId())
          .containsExactly("acc-1");
      other.rollback();
    }
  }

  @Test
  void a_transaction_held_open_in_this_database_holds_readers_back_until_it_ends()
      throws Exception {
    try (Connection holder = openTransactionIn(TestDatabase.POSTGRESQL.url())) {
      store.append("acc-1", deposits("acc-1", 0, 1));

      List<LoggedMessage> whileHeld = store.read(Checkpoint.beginning(), 10);
      assertThat(whileHeld).as("held back by an older open transaction of this database").isEmpty();
      holder.rollback();
    }
    assertThat(store.awaitEventsAfter(Checkpoint.beginning(), Duration.ofSeconds(20))).isTrue();
    assertThat(store.read(Checkpoint.beginning(), 10)).hasSize(1);
  }

  @Test
  void a_hold_is_told_to_the_watermark_observer_with_how_long_it_lasted_once_it_ended()
      throws Exception {
    List<Duration> holds = new CopyOnWriteArrayList<>();
    JdbcEventStore observed =
        stores.storeOn(
            table, builder -> builder.watermarkObserver((log, heldFor) -> holds.add(heldFor)));
    try (Connection holder = openTransactionIn(TestDatabase.POSTGRESQL.url())) {
      observed.append("acc-1", deposits("acc-1", 0, 1));
      // a waiting reader checks the watermark about once a second
      assertThat(observed.awaitEventsAfter(Checkpoint.beginning(), Duration.ofMillis(2500)))
          .isFalse();
      holder.rollback();
    }
    assertThat(observed.awaitEventsAfter(Checkpoint.beginning(), Duration.ofSeconds(20))).isTrue();
    Checkpoint last = observed.read(Checkpoint.beginning(), 10).get(0).checkpoint();
    assertThat(observed.awaitEventsAfter(last, Duration.ofMillis(1500))).isFalse();

    assertThat(holds).hasSize(1);
    assertThat(holds.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  /** {@return a connection whose transaction holds a transaction id, left open} */
  private static Connection openTransactionIn(String url) throws SQLException {
    var db = TestDatabase.POSTGRESQL;
    Connection connection = DriverManager.getConnection(url, db.user(), db.password());
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT pg_current_xact_id()").close();
    }
    return connection;
  }

  /** {@return the URL of a second database on the test server, created if it does not exist} */
  private static String otherDatabaseUrl() throws SQLException {
    try (Connection admin = TestDatabase.POSTGRESQL.dataSource().getConnection();
        Statement statement = admin.createStatement()) {
      var exists =
          statement.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + OTHER_DATABASE + "'");
      if (!exists.next()) {
        try {
          statement.execute("CREATE DATABASE " + OTHER_DATABASE);
        } catch (SQLException e) {
          if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
            throw e; // not "exists already", which a concurrent run may have done
          }
        }
      }
    }
    String url = TestDatabase.POSTGRESQL.url();
    return url.replaceFirst("/[^/?]+(\\?|$)", "/" + OTHER_DATABASE + "$1");
  }
}
