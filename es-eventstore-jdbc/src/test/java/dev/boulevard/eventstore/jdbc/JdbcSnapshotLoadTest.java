package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotPolicy;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.SnapshottingRepository;
import dev.boulevard.snapshotting.StoredSnapshot;
import dev.boulevard.snapshotting.contract.SnapshotAccount;
import dev.boulevard.snapshotting.contract.SnapshotAccount.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the JDBC snapshot store adds to the contract: one round trip, and bad stored JSON. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcSnapshotLoadTest {

  /** One test's stores, on a data source that counts the statements it executes. */
  private record Setup(
      CountingDataSource counting,
      JdbcEventStore events,
      JdbcSnapshotStore snapshots,
      EventSourcingRepository<SnapshotAccount> replaying) {

    static Setup on(TestStores stores) {
      var counting = new CountingDataSource(stores.database().dataSource());
      String table = stores.newTable();
      JdbcSchema.eventStore(counting, table).migrate();
      JdbcEventStore events =
          stores.storeOn(
              table,
              builder -> JdbcEventStore.builder(counting, TestStores.SERIALIZER).table(table));
      JdbcSnapshotStore snapshots = TestSnapshots.beside(stores, events);
      var replaying =
          EventSourcingRepository.builder(
                  SnapshotAccount.class, events, AggregateFactory.of(SnapshotAccount::new))
              .build();
      return new Setup(counting, events, snapshots, replaying);
    }

    SnapshottingRepository<SnapshotAccount, State> repository(SnapshotStore store) {
      return SnapshottingRepository.of(
          replaying, store, SnapshotAccount.format(1), SnapshotPolicy.everyEvents(10));
    }

    /** Saves 22 events at once, then 3 more one by one: a snapshot at 21 and a tail of 3. */
    void history(String id) {
      var repository = repository(snapshots);
      var account = SnapshotAccount.open(id, "Zoë");
      for (int i = 1; i < 22; i++) {
        account.deposit(i);
      }
      repository.save(account);
      for (int i = 0; i < 3; i++) {
        SnapshotAccount loaded = repository.load(id);
        loaded.deposit(100 + i);
        repository.save(loaded);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void loading_a_snapshotted_aggregate_is_one_statement(TestDatabase database) throws Exception {
    try (var stores = new TestStores(database)) {
      var setup = Setup.on(stores);
      setup.history("a-1");
      setup.counting.reset();

      SnapshotAccount account = setup.repository(setup.snapshots).load("a-1");

      assertThat(setup.counting.executed()).isEqualTo(1);
      assertThat(setup.snapshots.latest("a-1").orElseThrow().playhead()).isEqualTo(21);
      assertThat(account.playhead()).isEqualTo(24);
      assertThat(account.snapshotState()).isEqualTo(setup.replaying.load("a-1").snapshotState());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void loading_an_aggregate_without_a_snapshot_is_one_statement(TestDatabase database)
      throws Exception {
    try (var stores = new TestStores(database)) {
      var setup = Setup.on(stores);
      setup.replaying.save(SnapshotAccount.open("a-1", "Zoë"));
      setup.counting.reset();

      Optional<SnapshotAccount> account = setup.repository(setup.snapshots).find("a-1");
      Optional<SnapshotAccount> nobody = setup.repository(setup.snapshots).find("nobody");

      assertThat(setup.counting.executed()).isEqualTo(2);
      assertThat(account.orElseThrow().playhead()).isZero();
      assertThat(nobody).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void a_snapshot_store_without_the_combined_load_takes_two_statements(TestDatabase database)
      throws Exception {
    try (var stores = new TestStores(database)) {
      var setup = Setup.on(stores);
      setup.history("a-1");
      SnapshotStore plain = new PlainSnapshotStore(setup.snapshots);
      setup.counting.reset();

      SnapshotAccount account = setup.repository(plain).load("a-1");

      assertThat(setup.counting.executed()).isEqualTo(2);
      assertThat(account.snapshotState()).isEqualTo(setup.replaying.load("a-1").snapshotState());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void a_snapshot_whose_json_does_not_read_as_the_state_is_ignored_and_replaced(
      TestDatabase database) throws Exception {
    try (var stores = new TestStores(database)) {
      var setup = Setup.on(stores);
      setup.history("a-1");
      overwriteState(setup, "{\"account\":\"a-1\",\"owner\":\"x\",\"balance\":\"lots\"}");

      SnapshotAccount account = setup.repository(setup.snapshots).load("a-1");

      assertThat(account.snapshotState()).isEqualTo(setup.replaying.load("a-1").snapshotState());
      StoredSnapshot renewed = setup.snapshots.latest("a-1").orElseThrow();
      assertThat(renewed.playhead()).isEqualTo(24);
      assertThat(renewed.read(State.class).state()).isEqualTo(account.snapshotState());
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "H2")
  void a_snapshot_that_is_not_json_at_all_is_ignored(TestDatabase database) throws Exception {
    try (var stores = new TestStores(database)) {
      var setup = Setup.on(stores);
      setup.history("a-1");
      overwriteState(setup, "{\"account\": \"a-1\", \"own");

      SnapshotAccount account = setup.repository(setup.snapshots).load("a-1");

      assertThat(account.snapshotState()).isEqualTo(setup.replaying.load("a-1").snapshotState());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void refuses_a_state_that_cannot_be_written_and_an_id_too_long_storing_nothing(
      TestDatabase database) throws Exception {
    try (var stores = new TestStores(database)) {
      var setup = Setup.on(stores);

      assertThatThrownBy(() -> setup.snapshots.save(new Snapshot<>("a-1", 0, 1, new Object())))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("java.lang.Object");
      String longId = "x".repeat(JdbcEventStore.MAX_ID_LENGTH + 1);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> setup.snapshots.save(new Snapshot<>(longId, 0, 1, List.of())))
          .withMessageContaining("255");
      assertThat(setup.snapshots.latest("a-1")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void names_the_table_after_the_events_table_unless_told(TestDatabase database) throws Exception {
    try (var stores = new TestStores(database)) {
      JdbcEventStore events = stores.fresh();
      String eventsTable = events.sql().table;

      assertThat(JdbcSnapshotStore.builder(events).build().table())
          .isEqualTo(eventsTable + "_snapshots");
      JdbcEventStore longNamed = stores.storeOn(stores.newTable(35), builder -> builder);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> JdbcSnapshotStore.builder(longNamed).build())
          .withMessageContaining("table(...)");
    }
  }

  private static void overwriteState(Setup setup, String json) throws Exception {
    String cast = setup.events.sql() instanceof PostgresSql ? "CAST(? AS JSONB)" : "?";
    try (Connection connection = setup.counting.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE "
                    + setup.snapshots.table()
                    + " SET state = "
                    + cast
                    + " WHERE aggregate_id = ?")) {
      update.setString(1, json);
      update.setString(2, "a-1");
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  /** A snapshot store that hides the combined load of the JDBC one. */
  private record PlainSnapshotStore(SnapshotStore store) implements SnapshotStore {
    @Override
    public Optional<StoredSnapshot> latest(String aggregateId) {
      return store.latest(aggregateId);
    }

    @Override
    public void save(Snapshot<?> snapshot) {
      store.save(snapshot);
    }
  }
}
