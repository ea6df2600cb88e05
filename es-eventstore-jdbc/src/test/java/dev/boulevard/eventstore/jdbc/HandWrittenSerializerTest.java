package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.jdbc.PipeSerializer.Deposited;
import dev.boulevard.eventstore.jdbc.PipeSerializer.Opened;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotSerializer;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JDBC stores work with any Serializer and SnapshotSerializer, not only Jackson's. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandWrittenSerializerTest {

  @Nested
  class OnH2 extends HandWrittenSerializerBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends HandWrittenSerializerBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends HandWrittenSerializerBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  /** A balance in cents as a bare JSON number. */
  static final SnapshotSerializer BALANCES =
      new SnapshotSerializer() {
        @Override
        public String serialize(Object state) {
          return Long.toString((Long) state);
        }

        @Override
        public <S> S deserialize(String data, Class<S> stateType) {
          return stateType.cast(Long.valueOf(data.strip()));
        }
      };

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class HandWrittenSerializerBehaviour {

    private final TestStores stores;
    private String table;
    private JdbcEventStore store;

    HandWrittenSerializerBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void openTheStore() {
      table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      store =
          JdbcEventStore.builder(stores.database().dataSource(), new PipeSerializer())
              .table(table)
              .build();
    }

    @AfterEach
    void drop() throws SQLException {
      store.close();
      stores.close();
    }

    private void appendL1() {
      Clock clock = Clock.systemUTC();
      store.append(
          "L1",
          DomainEventStream.of(
              DomainMessage.recordNow("L1", 0, Metadata.of("user", "u-1"), new Opened("L1"), clock),
              DomainMessage.recordNow("L1", 1, Metadata.empty(), new Deposited("L1", 250), clock)));
    }

    @Test
    void appended_events_load_back_with_their_metadata_in_the_serializer_s_versions()
        throws SQLException {
      appendL1();

      assertThat(store.load("L1").messages())
          .extracting(DomainMessage::payload, DomainMessage::metadata)
          .containsExactly(
              tuple(new Opened("L1"), Metadata.of("user", "u-1")),
              tuple(new Deposited("L1", 250), Metadata.empty()));
      assertThat(RawRows.storedVersion(stores.database(), table, "L1", 1)).isEqualTo(2);
    }

    @Test
    void a_row_of_an_older_version_reads_through_the_serializer_s_own_upcasting()
        throws SQLException {
      appendL1();
      RawRows.insert(
          stores.database(),
          table,
          List.of(RawRows.Row.of("L1", 2, "pipe.deposited", 1, "\"L1|3\"")));

      assertThat(store.load("L1").payloads()).last().isEqualTo(new Deposited("L1", 300));
    }

    @Test
    void visiting_by_event_class_filters_with_the_names_the_serializer_gives() {
      appendL1();
      var visited = new ArrayList<Object>();

      store.visitEvents(
          Criteria.all().withEventTypes(Deposited.class),
          message -> visited.add(message.payload()));

      assertThat(visited).containsExactly(new Deposited("L1", 250));
    }

    @Test
    void the_global_log_reads_the_events_through_the_serializer() throws InterruptedException {
      appendL1();

      List<LoggedMessage> log = TestStores.awaitLog(store, 2);

      assertThat(log)
          .extracting(logged -> logged.message().payload())
          .containsExactly(new Opened("L1"), new Deposited("L1", 250));
    }

    @Test
    void the_snapshot_store_keeps_states_with_a_hand_written_snapshot_serializer() {
      appendL1();
      String snapshots = stores.newTable();
      JdbcSchema.snapshots(stores.database().dataSource(), snapshots).migrate();
      var snapshotStore =
          JdbcSnapshotStore.builder(store).table(snapshots).serializer(BALANCES).build();

      snapshotStore.save(new Snapshot<>("L1", 1, 1, 250L));

      assertThat(snapshotStore.latest("L1").orElseThrow().read(Long.class))
          .isEqualTo(new Snapshot<>("L1", 1, 1, 250L));
    }
  }
}
