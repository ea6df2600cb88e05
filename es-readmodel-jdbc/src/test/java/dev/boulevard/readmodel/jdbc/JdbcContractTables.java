package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.StoreAndLog;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage and event store of one contract test on a test database: a JDBC event store on a
 * fresh table and JDBC read models in the same database, dropped afterwards with the tables the
 * test named.
 */
public final class JdbcContractTables {

  /** Reads and writes the events of es-core's contract suites. */
  public static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .register("contract.deposited", ContractEvent.Deposited.class)
              .register("contract.withdrawn", ContractEvent.Withdrawn.class)
              .build());

  private final TestDatabase database;
  private final List<String> eventTables = new ArrayList<>();
  private final List<JdbcEventStore> stores = new ArrayList<>();

  /** Tables on one database, created as the test asks for them. */
  public JdbcContractTables(TestDatabase database) {
    this.database = database;
  }

  /** {@return a new storage of read models in the database} */
  public JdbcReadModelStorage storage() {
    return JdbcReadModelStorage.create(database.dataSource());
  }

  /** {@return a new event store on a fresh table} */
  public JdbcEventStore eventStore(String table) {
    JdbcSchema.eventStore(database.dataSource(), table).migrate();
    eventTables.add(table);
    JdbcEventStore store =
        JdbcEventStore.builder(database.dataSource(), SERIALIZER).table(table).build();
    stores.add(store);
    return store;
  }

  /** {@return a new event store on a fresh table, as the contracts take it} */
  public StoreAndLog eventLog(String table) {
    return StoreAndLog.of(eventStore(table));
  }

  /**
   * Closes the event stores and drops their tables, the read models of the given names in each
   * generation a test reaches, and the given tables with their decisions, leases and members.
   */
  public void drop(List<String> readModels, List<String> tables) throws SQLException {
    stores.forEach(JdbcEventStore::close);
    JdbcReadModelStorage storage = storage();
    for (String model : readModels) {
      for (int generation = 1; generation <= 4; generation++) {
        storage.drop(model + "_" + generation);
      }
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : tables) {
        statement.execute("DROP TABLE IF EXISTS " + table);
        statement.execute("DROP TABLE IF EXISTS " + table + "_decisions");
        statement.execute("DROP TABLE IF EXISTS " + table + "_leases");
        statement.execute("DROP TABLE IF EXISTS " + table + "_members");
      }
      for (String table : eventTables) {
        for (String suffix : List.of("", "_append_lock", "_schema_version")) {
          statement.execute("DROP TABLE IF EXISTS " + table + suffix);
        }
        if (database == TestDatabase.POSTGRESQL) {
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_refuse_change()");
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_notify()");
        }
      }
    }
  }
}
