package dev.boulevard.eventstore.jdbc;

/** Creates snapshot stores on fresh tables, which the given {@link TestStores} drops. */
final class TestSnapshots {

  private TestSnapshots() {}

  /** {@return a snapshot store beside the event store, on a new table made by its migration} */
  static JdbcSnapshotStore beside(TestStores stores, JdbcEventStore events) {
    String table = stores.newTable();
    JdbcSchema.snapshots(stores.database().dataSource(), table).migrate();
    return JdbcSnapshotStore.builder(events).table(table).build();
  }
}
