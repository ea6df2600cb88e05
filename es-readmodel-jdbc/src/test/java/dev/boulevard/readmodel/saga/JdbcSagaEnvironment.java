package dev.boulevard.readmodel.saga;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.serializer.EventTypeRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** Fresh tables on one database. */
final class JdbcSagaEnvironment extends SagaEnvironment {
  private final TestDatabase database;
  private final DataSource dataSource;
  private final String eventTable = uniqueName("sge");
  private final String stateTable = uniqueName("sgs");
  private final String outboxTable = uniqueName("sgo");
  private final JdbcEventStore store;
  private final JdbcReadModelStorage storage;

  JdbcSagaEnvironment(TestDatabase database) {
    this.database = database;
    this.dataSource = database.dataSource();
    JdbcSchema.eventStore(dataSource, eventTable).migrate();
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
