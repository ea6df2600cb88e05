package dev.boulevard.eventstore.jdbc;

import dev.boulevard.auditing.contract.CommandLogContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The command log contract on the JDBC log, on H2, PostgreSQL and MariaDB. */
class JdbcCommandLogContractTest {

  private static final AtomicInteger TABLES = new AtomicInteger();

  /** The contract on a fresh table of one database, dropped after each test. */
  abstract static class OnDatabase extends CommandLogContract<JdbcCommandLog> {
    private final TestDatabase database;
    private final String table =
        "clc_" + Long.toString(ProcessHandle.current().pid(), 36) + "_" + TABLES.incrementAndGet();

    OnDatabase(TestDatabase database) {
      this.database = database;
    }

    @Override
    protected JdbcCommandLog createLog() {
      JdbcSchema.commandLog(database.dataSource(), table).migrate();
      return JdbcCommandLog.builder(database.dataSource()).table(table).build();
    }

    @Override
    protected List<Kept> kept(JdbcCommandLog log) {
      var kept = new ArrayList<Kept>();
      for (StoredCommand stored : log.newest(10_000)) {
        kept.add(
            0,
            new Kept(
                stored.commandType(),
                stored.succeeded(),
                stored.error(),
                stored.dispatchedAt(),
                stored.duration()));
      }
      return kept;
    }

    @AfterEach
    void dropTable() throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + table);
        statement.execute("DROP TABLE IF EXISTS " + table + "_schema_version");
      }
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    OnH2() {
      super(TestDatabase.H2);
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
}
