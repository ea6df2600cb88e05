package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.FleetContract;
import dev.boulevard.readmodel.contract.StoreAndLog;
import dev.boulevard.readmodel.jdbc.JdbcContractTables;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Runners of the same projections sharing one database, with the log in it. */
class JdbcFleetTest {

  /** The contract on one database, with the log in the same database as the checkpoints. */
  abstract static class OnDatabase extends FleetContract {
    private final JdbcContractTables tables;

    OnDatabase(TestDatabase database) {
      this.tables = new JdbcContractTables(database);
    }

    @Override
    protected ReadModelStorage createStorage() {
      return tables.storage();
    }

    @Override
    protected StoreAndLog createEventLog(ReadModelStorage storage) {
      return tables.eventLog(uniqueName("ev"));
    }

    @Override
    protected void cleanUp(ReadModelStorage storage, List<String> readModels, List<String> stores)
        throws Exception {
      tables.drop(readModels, stores);
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
