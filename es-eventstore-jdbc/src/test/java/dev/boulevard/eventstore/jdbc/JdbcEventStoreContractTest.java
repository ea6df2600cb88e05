package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.EventStoreContract;
import dev.boulevard.eventstore.contract.EventStoreManagementContract;
import dev.boulevard.eventstore.contract.GlobalEventLogContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The es-core contract suites, each on H2, PostgreSQL and MariaDB. */
class JdbcEventStoreContractTest {

  @Nested
  class StoreOnH2 extends EventStoreContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected EventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class StoreOnPostgres extends EventStoreContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected EventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class StoreOnMariaDb extends EventStoreContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected EventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class ManagementOnH2 extends EventStoreManagementContract<JdbcEventStore> {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class ManagementOnPostgres extends EventStoreManagementContract<JdbcEventStore> {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class ManagementOnMariaDb extends EventStoreManagementContract<JdbcEventStore> {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class LogOnH2 extends GlobalEventLogContract<JdbcEventStore> {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class LogOnPostgres extends GlobalEventLogContract<JdbcEventStore> {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }
  }

  @Nested
  class LogOnMariaDb extends GlobalEventLogContract<JdbcEventStore> {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }
  }
}
