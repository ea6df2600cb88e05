package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Creates stores on fresh tables of one database and drops those tables afterwards. */
final class TestStores implements AutoCloseable, AfterEachCallback {

  static final EventTypeRegistry REGISTRY =
      EventTypeRegistry.builder()
          .register("contract.opened", ContractEvent.Opened.class)
          .register("contract.deposited", ContractEvent.Deposited.class)
          .register("contract.withdrawn", ContractEvent.Withdrawn.class)
          .build();
  static final JacksonSerializer SERIALIZER = new JacksonSerializer(REGISTRY);

  private static final AtomicInteger TABLES = new AtomicInteger();

  private final TestDatabase database;
  private final List<String> tables = new ArrayList<>();
  private final List<JdbcEventStore> stores = new ArrayList<>();

  TestStores(TestDatabase database) {
    this.database = database;
  }

  /** {@return a store on a new table, created by the schema migration} */
  JdbcEventStore fresh() {
    String table = newTable();
    JdbcSchema.eventStore(database.dataSource(), table).migrate();
    var store = JdbcEventStore.builder(database.dataSource(), SERIALIZER).table(table).build();
    stores.add(store);
    return store;
  }

  /** {@return a new table name, unique in this JVM and unlikely to clash with other runs} */
  String newTable() {
    String table =
        "ev_" + Long.toString(ProcessHandle.current().pid(), 36) + "_" + TABLES.incrementAndGet();
    tables.add(table);
    return table;
  }

  /**
   * {@return a store on a table made earlier, such as by {@link #newTable()} and a migration, built
   * with the given options and closed with the others}
   */
  JdbcEventStore storeOn(String table, UnaryOperator<JdbcEventStoreBuilder> options) {
    var store =
        options
            .apply(JdbcEventStore.builder(database.dataSource(), SERIALIZER).table(table))
            .build();
    stores.add(store);
    return store;
  }

  /** {@return a new table name of the given length, padded with x, dropped like the others} */
  String newTable(int length) {
    String table = newTable();
    tables.remove(table);
    String padded = table + "x".repeat(Math.max(0, length - table.length()));
    tables.add(padded);
    return padded;
  }

  /**
   * Reads the whole log once it holds at least the given number of events, or after 20 s.
   *
   * <p>On PostgreSQL any writing transaction open on the server, also one of another test run,
   * holds readers of the log back until it ends; this waits for such transactions.
   *
   * @return the log from the beginning
   */
  static List<LoggedMessage> awaitLog(JdbcEventStore store, int atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<LoggedMessage> log = store.read(Checkpoint.beginning(), 10_000);
      if (log.size() >= atLeast || System.nanoTime() > deadline) {
        return log;
      }
      Checkpoint last =
          log.isEmpty() ? Checkpoint.beginning() : log.get(log.size() - 1).checkpoint();
      store.awaitEventsAfter(last, Duration.ofMillis(500));
    }
  }

  TestDatabase database() {
    return database;
  }

  /** Drops the tables after each test, when registered with {@code @RegisterExtension}. */
  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    close();
  }

  /** Drops every table this instance created. */
  @Override
  public void close() throws SQLException {
    stores.forEach(JdbcEventStore::close);
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : tables) {
        for (String suffix : List.of("", "_append_lock", "_schema_version")) {
          statement.execute("DROP TABLE IF EXISTS " + table + suffix);
        }
        if (database == TestDatabase.POSTGRESQL) {
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_refuse_change()");
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_notify()");
        }
      }
    }
    tables.clear();
    stores.clear();
  }
}
