package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.EventStoreContract;
import dev.boulevard.eventstore.contract.EventStoreManagementContract;
import dev.boulevard.eventstore.contract.GlobalEventLogContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The es-core contract suites, each on H2, PostgreSQL and MariaDB. */
class JdbcEventStoreContractTest {

  @Nested
  class StoreOnH2 extends EventStoreContract {
    private final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected EventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class StoreOnPostgres extends EventStoreContract {
    private final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected EventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class StoreOnMariaDb extends EventStoreContract {
    private final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected EventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class ManagementOnH2 extends EventStoreManagementContract<JdbcEventStore> {
    private final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class ManagementOnPostgres extends EventStoreManagementContract<JdbcEventStore> {
    private final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class ManagementOnMariaDb extends EventStoreManagementContract<JdbcEventStore> {
    private final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class LogOnH2 extends GlobalEventLogContract<JdbcEventStore> {
    private final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class LogOnPostgres extends GlobalEventLogContract<JdbcEventStore> {
    private final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }

  @Nested
  class LogOnMariaDb extends GlobalEventLogContract<JdbcEventStore> {
    private final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected JdbcEventStore createStore() {
      return stores.fresh();
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }
  }
}
