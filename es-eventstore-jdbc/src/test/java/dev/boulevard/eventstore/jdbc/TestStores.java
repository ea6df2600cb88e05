package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates stores on fresh tables of one database and drops those tables afterwards. */
final class TestStores implements AutoCloseable {

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
    JdbcEventStoreSchema.of(database.dataSource(), table).migrate();
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

  TestDatabase database() {
    return database;
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
        }
      }
    }
  }
}
