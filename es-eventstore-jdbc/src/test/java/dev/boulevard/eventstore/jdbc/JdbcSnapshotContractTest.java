package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventsourcing.contract.TimeTravelContract;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.repository.TimeTravelRepository;
import dev.boulevard.snapshotting.SnapshotPolicy;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.SnapshottingRepository;
import dev.boulevard.snapshotting.contract.SnapshotAccount;
import dev.boulevard.snapshotting.contract.SnapshotStoreContract;
import dev.boulevard.snapshotting.contract.SnapshottingRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The es-core snapshot and time-travel contract suites, each on H2, PostgreSQL and MariaDB; time
 * travel both on the event-sourcing repository and on a snapshotting one in front of it.
 */
class JdbcSnapshotContractTest {

  @Nested
  class StoreOnH2 extends SnapshotStoreContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected SnapshotStore createStore() {
      return TestSnapshots.beside(stores, stores.fresh());
    }
  }

  @Nested
  class RepositoryOnH2 extends SnapshottingRepositoryContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore eventStore) {
      return TestSnapshots.beside(stores, (JdbcEventStore) eventStore);
    }
  }

  @Nested
  class TimeTravelOnH2 extends TimeTravelContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }
  }

  @Nested
  class TimeTravelWithSnapshotsOnH2 extends TimeTravelContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }

    @Override
    protected TimeTravelRepository<SnapshotAccount> repository(
        EventSourcingRepository<SnapshotAccount> events) {
      return SnapshottingRepository.of(
          events,
          TestSnapshots.beside(stores, (JdbcEventStore) events.eventStore()),
          SnapshotAccount.format(1),
          SnapshotPolicy.everyEvents(10));
    }
  }

  @Nested
  class StoreOnPostgres extends SnapshotStoreContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected SnapshotStore createStore() {
      return TestSnapshots.beside(stores, stores.fresh());
    }
  }

  @Nested
  class RepositoryOnPostgres extends SnapshottingRepositoryContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore eventStore) {
      return TestSnapshots.beside(stores, (JdbcEventStore) eventStore);
    }
  }

  @Nested
  class TimeTravelOnPostgres extends TimeTravelContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }
  }

  @Nested
  class TimeTravelWithSnapshotsOnPostgres extends TimeTravelContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }

    @Override
    protected TimeTravelRepository<SnapshotAccount> repository(
        EventSourcingRepository<SnapshotAccount> events) {
      return SnapshottingRepository.of(
          events,
          TestSnapshots.beside(stores, (JdbcEventStore) events.eventStore()),
          SnapshotAccount.format(1),
          SnapshotPolicy.everyEvents(10));
    }
  }

  @Nested
  class StoreOnMariaDb extends SnapshotStoreContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected SnapshotStore createStore() {
      return TestSnapshots.beside(stores, stores.fresh());
    }
  }

  @Nested
  class RepositoryOnMariaDb extends SnapshottingRepositoryContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore eventStore) {
      return TestSnapshots.beside(stores, (JdbcEventStore) eventStore);
    }
  }

  @Nested
  class TimeTravelOnMariaDb extends TimeTravelContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }
  }

  @Nested
  class TimeTravelWithSnapshotsOnMariaDb extends TimeTravelContract {
    @RegisterExtension final TestStores stores = new TestStores(TestDatabase.MARIADB);

    @Override
    protected EventStore createEventStore() {
      return stores.fresh();
    }

    @Override
    protected TimeTravelRepository<SnapshotAccount> repository(
        EventSourcingRepository<SnapshotAccount> events) {
      return SnapshottingRepository.of(
          events,
          TestSnapshots.beside(stores, (JdbcEventStore) events.eventStore()),
          SnapshotAccount.format(1),
          SnapshotPolicy.everyEvents(10));
    }
  }
}
