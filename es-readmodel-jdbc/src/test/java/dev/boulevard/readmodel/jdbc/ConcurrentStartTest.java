package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ContractModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several instances of an app start at the same instant on a database where none of their tables
 * exists: each creates the event store's, the command log's, the idempotency keys', the
 * projections', the outbox's and a read model's tables, on connections of its own, at once. None
 * may fail (PostgreSQL refused concurrent CREATE TABLE IF NOT EXISTS of one table with a duplicate
 * key in its catalog), and every table ends up created once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class ConcurrentStartTest {

  private static final int INSTANCES = 4;
  private static final int ROUNDS = 8;
  private static final AtomicInteger NAMES = new AtomicInteger();

  abstract static class OnDatabase {
    private final TestDatabase database;
    private final List<String> tables = new ArrayList<>();
    private final ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);

    OnDatabase(TestDatabase database) {
      this.database = database;
    }

    @Test
    void instances_that_start_at_once_on_an_empty_database_all_start() throws Exception {
      for (int round = 0; round < ROUNDS; round++) {
        String names =
            "cs_"
                + Long.toString(ProcessHandle.current().pid(), 36)
                + "_"
                + NAMES.incrementAndGet();
        var startingLine = new CountDownLatch(1);
        var started = new ArrayList<Future<?>>();
        for (int i = 0; i < INSTANCES; i++) {
          started.add(
              instances.submit(
                  () -> {
                    startingLine.await();
                    startInstance(names);
                    return null;
                  }));
        }
        startingLine.countDown();
        for (Future<?> instance : started) {
          instance.get(60, TimeUnit.SECONDS); // rethrows an instance's failure
        }
      }
    }

    /** What an app does on its start: creates or migrates every table it uses. */
    private void startInstance(String names) {
      var dataSource = database.dataSource();
      JdbcSchema.eventStore(dataSource, names + "_ev").migrate();
      JdbcSchema.commandLog(dataSource, names + "_cl").migrate();
      JdbcSchema.idempotencyKeys(dataSource, names + "_ik").migrate();
      JdbcSchema.snapshots(dataSource, names + "_sn").migrate();
      var storage = JdbcReadModelStorage.create(dataSource);
      storage.projectionStore(names + "_pr");
      storage.outbox(names + "_ob");
      storage.repository(names + "_rm", ContractModel.class);
      synchronized (tables) {
        if (!tables.contains(names)) {
          tables.add(names);
        }
      }
    }

    @AfterEach
    void dropTables() throws SQLException {
      instances.shutdownNow();
      var storage = JdbcReadModelStorage.create(database.dataSource());
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String names : tables) {
          storage.drop(names + "_rm");
          for (String table :
              List.of(
                  names + "_ev",
                  names + "_cl",
                  names + "_ik",
                  names + "_sn",
                  names + "_pr",
                  names + "_pr_decisions",
                  names + "_pr_leases",
                  names + "_pr_members",
                  names + "_ob")) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("DROP TABLE IF EXISTS " + table + "_schema_version");
          }
          if (database == TestDatabase.POSTGRESQL) {
            statement.execute("DROP FUNCTION IF EXISTS " + names + "_ev_refuse_change()");
          }
        }
      }
    }
  }

  @Nested
  class OnPostgres extends OnDatabase {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends OnDatabase {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    OnH2() {
      super(TestDatabase.H2);
    }
  }
}
