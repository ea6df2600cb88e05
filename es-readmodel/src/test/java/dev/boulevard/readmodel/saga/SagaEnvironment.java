package dev.boulevard.readmodel.saga;

import dev.boulevard.commandhandling.CommandBus;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** An event store and a storage for one test, on fresh tables that are dropped after it. */
abstract class SagaEnvironment implements AutoCloseable {

  static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .register("contract.deposited", ContractEvent.Deposited.class)
              .register("contract.withdrawn", ContractEvent.Withdrawn.class)
              .build());

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** The process manager's name, which names its state's read model too. */
  final String process = uniqueName("sg");

  abstract EventStore store();

  abstract GlobalEventLog log();

  abstract ReadModelStorage storage();

  /** {@return a runner builder on this environment's tables} */
  SagasBuilder sagas(CommandBus bus) {
    return sagas(bus, AccountWatch.COMMANDS);
  }

  /** {@return a runner builder on this environment's tables, with the given command types} */
  abstract SagasBuilder sagas(CommandBus bus, EventTypeRegistry commandTypes);

  static String uniqueName(String prefix) {
    return prefix
        + Long.toString(ProcessHandle.current().pid(), 36)
        + "_"
        + NAMES.incrementAndGet();
  }

  @Override
  public abstract void close() throws SQLException;

  static SagaEnvironment inMemory() {
    var store = new InMemoryEventStore();
    var storage = InMemoryReadModelStorage.create();
    return new SagaEnvironment() {
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
      SagasBuilder sagas(CommandBus bus, EventTypeRegistry commandTypes) {
        return Sagas.builder(store, storage, bus, commandTypes);
      }

      @Override
      public void close() {}
    };
  }

  static SagaEnvironment on(TestDatabase database) {
    return new Jdbc(database);
  }

  /** Fresh tables on one database. */
  static final class Jdbc extends SagaEnvironment {
    private final TestDatabase database;
    private final DataSource dataSource;
    private final String eventTable = uniqueName("sge");
    private final String stateTable = uniqueName("sgs");
    private final String outboxTable = uniqueName("sgo");
    private final JdbcEventStore store;
    private final JdbcReadModelStorage storage;

    Jdbc(TestDatabase database) {
      this.database = database;
      this.dataSource = database.dataSource();
      JdbcEventStoreSchema.of(dataSource, eventTable).migrate();
      this.store = JdbcEventStore.builder(dataSource, SERIALIZER).table(eventTable).build();
      this.storage = JdbcReadModelStorage.create(dataSource);
    }

    String outboxTable() {
      return outboxTable;
    }

    DataSource dataSource() {
      return dataSource;
    }

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
    SagasBuilder sagas(CommandBus bus, EventTypeRegistry commandTypes) {
      return Sagas.builder(store, storage, bus, commandTypes).tables(stateTable, outboxTable);
    }

    @Override
    public void close() throws SQLException {
      store.close();
      storage.drop(process + "_1");
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        for (String table :
            List.of(
                eventTable,
                eventTable + "_append_lock",
                eventTable + "_schema_version",
                stateTable,
                stateTable + "_decisions",
                outboxTable)) {
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
