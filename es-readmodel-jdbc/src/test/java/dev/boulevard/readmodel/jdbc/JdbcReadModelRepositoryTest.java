package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ContractModel;
import dev.boulevard.readmodel.contract.ReadModelRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract suite on H2, PostgreSQL and MariaDB. */
class JdbcReadModelRepositoryTest {

  @Nested
  class OnH2 extends ReadModelRepositoryContract {
    @RegisterExtension final TestTables tables = new TestTables(TestDatabase.H2);

    @Override
    protected ReadModelRepository<ContractModel> createRepository() {
      return tables.fresh(ContractModel.class);
    }
  }

  @Nested
  class OnPostgres extends ReadModelRepositoryContract {
    @RegisterExtension final TestTables tables = new TestTables(TestDatabase.POSTGRESQL);

    @Override
    protected ReadModelRepository<ContractModel> createRepository() {
      return tables.fresh(ContractModel.class);
    }
  }

  @Nested
  class OnMariaDb extends ReadModelRepositoryContract {
    @RegisterExtension final TestTables tables = new TestTables(TestDatabase.MARIADB);

    @Override
    protected ReadModelRepository<ContractModel> createRepository() {
      return tables.fresh(ContractModel.class);
    }
  }
}
