package dev.boulevard.docs;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.JdbcSnapshotStore;
import dev.boulevard.snapshotting.SnapshotFormat;
import dev.boulevard.snapshotting.SnapshotPolicy;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.SnapshottingRepository;
import javax.sql.DataSource;

/** The samples of docs/snapshots.md and docs/time-travel.md. */
final class SnapshotsGuide {

  void repository(EventStore eventStore, SnapshotStore snapshotStore) {
    var events =
        EventSourcingRepository.builder(
                BankAccount.class, eventStore, AggregateFactory.of(BankAccount::new))
            .build();
    var accounts =
        SnapshottingRepository.of(
            events,
            snapshotStore, // InMemorySnapshotStore or JdbcSnapshotStore
            SnapshotFormat.of(AccountState.class, 1, BankAccount::fromSnapshot),
            SnapshotPolicy.everyEvents(100));
  }

  JdbcSnapshotStore relationalStore(DataSource dataSource, JdbcEventStore eventStore) {
    JdbcSchema.snapshots(dataSource, "account_snapshots").migrate(); // idempotent, versioned
    var snapshotStore = JdbcSnapshotStore.builder(eventStore).table("account_snapshots").build();
    return snapshotStore;
  }
}
