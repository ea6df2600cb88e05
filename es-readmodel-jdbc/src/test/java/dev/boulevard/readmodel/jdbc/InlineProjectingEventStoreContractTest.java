package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.EventStoreContract;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The event store contract on an inline projecting store that decorates a JDBC one, projecting
 * every deposit into a read model in the same transaction, on H2, PostgreSQL and MariaDB.
 */
class InlineProjectingEventStoreContractTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** The contract on fresh tables of one database, dropped after each test. */
  abstract static class OnDatabase extends EventStoreContract {
    private final JdbcContractTables tables;
    private final String suffix =
        Long.toString(ProcessHandle.current().pid(), 36) + "_" + NAMES.incrementAndGet();
    private final String model = "ipm" + suffix;

    OnDatabase(TestDatabase database) {
      this.tables = new JdbcContractTables(database);
    }

    @Override
    protected EventStore createStore() {
      JdbcReadModelStorage storage = tables.storage();
      return InlineProjectingEventStore.of(
          tables.eventStore("ipe" + suffix),
          storage,
          new BalanceProjector(storage.repository(model, Balance.class), message -> false));
    }

    @AfterEach
    void dropTables() throws SQLException {
      tables.storage().drop(model);
      tables.drop(List.of(), List.of());
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
