package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStoreSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * An event store and a read-model storage for one test, on fresh tables that are dropped after it.
 */
abstract class ProjectionEnvironment implements AutoCloseable {

  static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .register("contract.deposited", ContractEvent.Deposited.class)
              .register("contract.withdrawn", ContractEvent.Withdrawn.class)
              .build());

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** {@return the store the test appends to} */
  abstract EventStore store();

  /** {@return the store's global log} */
  abstract GlobalEventLog log();

  /** {@return the storage of the read models} */
  abstract ReadModelStorage storage();

  /** {@return a runner builder on this environment, with its own state table} */
  abstract ProjectionsBuilder projections();

  /** {@return a read model name unique to this test, dropped after it} */
  String model(String base) {
    return uniqueName(base);
  }

  /** {@return a name unique in this JVM and unlikely to clash with other runs} */
  static String uniqueName(String prefix) {
    return prefix
        + Long.toString(ProcessHandle.current().pid(), 36)
        + "_"
        + NAMES.incrementAndGet();
  }

  @Override
  public abstract void close() throws SQLException;

  static ProjectionEnvironment inMemory() {
    var store = new InMemoryEventStore();
    var storage = InMemoryReadModelStorage.create();
    return new ProjectionEnvironment() {
      @Override
      EventStore store() {
        return store;
      }

      @Override
      GlobalEventLog log() {
        return store;
      }

      @Override
      ReadModelStorage storage() {
        return storage;
      }

      @Override
      ProjectionsBuilder projections() {
        return Projections.builder(store, storage);
      }

      @Override
      public void close() {}
    };
  }

  static ProjectionEnvironment on(TestDatabase database) {
    return new Jdbc(database);
  }

  /** Fresh tables on one database; read models named with {@link #model} are dropped afterwards. */
  static final class Jdbc extends ProjectionEnvironment {
    private final TestDatabase database;
    private final DataSource dataSource;
    private final String eventTable = uniqueName("ev");
    private final String stateTable = uniqueName("pr");
    private final JdbcEventStore store;
    private final JdbcReadModelStorage storage;
    private final List<String> models = new ArrayList<>();

    Jdbc(TestDatabase database) {
      this(database, database.dataSource());
    }

    /** Fresh tables reached through a data source of the test's own, such as a separate pool. */
    Jdbc(TestDatabase database, DataSource dataSource) {
      this(database, dataSource, SERIALIZER);
    }

    /** Fresh tables whose store reads through the given serializer, such as one with upcasters. */
    Jdbc(TestDatabase database, JacksonSerializer serializer) {
      this(database, database.dataSource(), serializer);
    }

    private Jdbc(TestDatabase database, DataSource dataSource, JacksonSerializer serializer) {
      this.database = database;
      this.dataSource = dataSource;
      JdbcEventStoreSchema.of(dataSource, eventTable).migrate();
      this.store = JdbcEventStore.builder(dataSource, serializer).table(eventTable).build();
      this.storage = JdbcReadModelStorage.create(dataSource);
    }

    TestDatabase database() {
      return database;
    }

    String eventTable() {
      return eventTable;
    }

    String stateTable() {
      return stateTable;
    }

    @Override
    JdbcEventStore store() {
      return store;
    }

    @Override
    GlobalEventLog log() {
      return store;
    }

    @Override
    JdbcReadModelStorage storage() {
      return storage;
    }

    @Override
    ProjectionsBuilder projections() {
      return Projections.builder(store, storage).stateTable(stateTable);
    }

    @Override
    String model(String base) {
      String name = super.model(base);
      models.add(name);
      return name;
    }

    @Override
    public void close() throws SQLException {
      store.close();
      for (String model : models) {
        for (int generation = 1; generation <= 4; generation++) {
          storage.drop(ProjectionModels.storedName(model, generation));
        }
      }
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        for (String table :
            List.of(
                eventTable,
                eventTable + "_append_lock",
                eventTable + "_schema_version",
                stateTable,
                stateTable + "_decisions")) {
          statement.execute("DROP TABLE IF EXISTS " + table);
        }
        if (database == TestDatabase.POSTGRESQL) {
          statement.execute("DROP FUNCTION IF EXISTS " + eventTable + "_refuse_change()");
          statement.execute("DROP FUNCTION IF EXISTS " + eventTable + "_notify()");
        }
      }
    }
  }
}
