package dev.boulevard.eventstore.inmemory;

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

/** The snapshot and time-travel contract suites in memory. */
class InMemorySnapshotStoreTest {

  @Nested
  class Store extends SnapshotStoreContract {
    @Override
    protected SnapshotStore createStore() {
      return new InMemorySnapshotStore();
    }
  }

  @Nested
  class Repository extends SnapshottingRepositoryContract {
    @Override
    protected EventStore createEventStore() {
      return new InMemoryEventStore();
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore eventStore) {
      return new InMemorySnapshotStore();
    }
  }

  @Nested
  class TimeTravel extends TimeTravelContract {
    @Override
    protected EventStore createEventStore() {
      return new InMemoryEventStore();
    }
  }

  @Nested
  class TimeTravelWithSnapshots extends TimeTravelContract {
    @Override
    protected EventStore createEventStore() {
      return new InMemoryEventStore();
    }

    @Override
    protected TimeTravelRepository<SnapshotAccount> repository(
        EventSourcingRepository<SnapshotAccount> events) {
      return SnapshottingRepository.of(
          events,
          new InMemorySnapshotStore(),
          SnapshotAccount.format(1),
          SnapshotPolicy.everyEvents(10));
    }
  }
}
