package dev.boulevard.readmodel.saga;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.SagasContract;
import dev.boulevard.readmodel.contract.StoreAndLog;
import dev.boulevard.readmodel.jdbc.JdbcContractTables;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The saga runtime over the JDBC store, with states and outbox in the same database. */
class JdbcSagasTest {

  /** The contract on one database, with the log in the same database as the outbox. */
  abstract static class OnDatabase extends SagasContract {
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
      return tables.eventLog(uniqueName("sge"));
    }

    @Override
    protected void cleanUp(ReadModelStorage storage, String process, List<String> stores)
        throws Exception {
      tables.drop(List.of(process), stores);
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
