package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Creates read models on fresh tables of one database and drops them after each test. */
final class TestTables implements AfterEachCallback {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final TestDatabase database;
  private final List<String> names = new ArrayList<>();
  private JdbcReadModelStorage storage;

  TestTables(TestDatabase database) {
    this.database = database;
  }

  TestDatabase database() {
    return database;
  }

  /** {@return the storage of this test, created at first use} */
  JdbcReadModelStorage storage() {
    if (storage == null) {
      storage = JdbcReadModelStorage.create(database.dataSource());
    }
    return storage;
  }

  /** {@return a read-model name unique in this JVM and unlikely to clash with other runs} */
  String newName() {
    String name =
        "rm_" + Long.toString(ProcessHandle.current().pid(), 36) + "_" + NAMES.incrementAndGet();
    names.add(name);
    return name;
  }

  /** {@return the repository of a new read model} */
  <T extends ReadModel> ReadModelRepository<T> fresh(Class<T> type) {
    return storage().repository(newName(), type);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (storage != null) {
      names.forEach(storage::drop);
    }
    names.clear();
  }
}
