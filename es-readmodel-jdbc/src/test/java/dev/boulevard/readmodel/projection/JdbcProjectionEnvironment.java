package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Fresh tables on one database; read models named with {@link #model} are dropped afterwards. */
final class JdbcProjectionEnvironment extends ProjectionEnvironment {
  private final TestDatabase database;
  private final DataSource dataSource;
  private final String eventTable = uniqueName("ev");
  private final String stateTable = uniqueName("pr");
  private final JdbcEventStore store;
  private final JdbcReadModelStorage storage;
  private final List<String> models = new ArrayList<>();

  JdbcProjectionEnvironment(TestDatabase database) {
    this(database, database.dataSource());
  }

  /** Fresh tables reached through a data source of the test's own, such as a separate pool. */
  JdbcProjectionEnvironment(TestDatabase database, DataSource dataSource) {
    this(database, dataSource, SERIALIZER);
  }

  /** Fresh tables whose store reads through the given serializer, such as one with upcasters. */
  JdbcProjectionEnvironment(TestDatabase database, JacksonSerializer serializer) {
    this(database, database.dataSource(), serializer);
  }

  private JdbcProjectionEnvironment(
      TestDatabase database, DataSource dataSource, JacksonSerializer serializer) {
    this.database = database;
    this.dataSource = dataSource;
    JdbcSchema.eventStore(dataSource, eventTable).migrate();
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
              stateTable + "_decisions",
              stateTable + "_leases",
              stateTable + "_members")) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
      if (database == TestDatabase.POSTGRESQL) {
        statement.execute("DROP FUNCTION IF EXISTS " + eventTable + "_refuse_change()");
        statement.execute("DROP FUNCTION IF EXISTS " + eventTable + "_notify()");
      }
    }
  }
}
