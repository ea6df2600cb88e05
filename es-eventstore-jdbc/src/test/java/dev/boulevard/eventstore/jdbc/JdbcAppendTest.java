package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.METADATA;
import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.serializer.UnknownEventTypeException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Appends on every database: all or nothing, inside a caller's transaction, and exact values. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcAppendTest {

  /** An event class that the test registry does not name. */
  record Unregistered(String note) {}

  /** Thrown by a caller to roll its transaction back. */
  static final class CallerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallerFailure() {
      super("the caller changed its mind");
    }
  }

  @Nested
  class OnH2 extends AppendBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends AppendBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends AppendBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }

    @Test
    void an_aggregate_id_longer_than_255_characters_is_refused_where_the_server_is_not_strict()
        throws SQLException {
      String table = stores().newTable();
      JdbcSchema.eventStore(stores().database().dataSource(), table).migrate();
      String id = "a".repeat(256);

      try (var lenient = pool("lenient", "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
          var store = JdbcEventStore.builder(lenient, TestStores.SERIALIZER).table(table).build()) {
        assertThatThrownBy(() -> store.append(id, deposits(id, 0, 1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("256 characters long");
      }

      assertThat(stores().storeOn(table, builder -> builder).loadFromPlayhead(id.substring(1), 0))
          .as("nothing stored under the id cut to 255 characters")
          .isEmpty();
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class AppendBehaviour {

    private final TestStores stores;
    private JdbcEventStore store;
    private Jdbi jdbi;
    private String ownTable;

    AppendBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void createStoreAndCallersTable() {
      store = stores.fresh();
      jdbi = Jdbi.create(stores.database().dataSource());
      ownTable = stores.newTable();
      jdbi.useHandle(
          handle ->
              handle.execute(
                  "CREATE TABLE " + ownTable + " (id VARCHAR(100) NOT NULL PRIMARY KEY)"));
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @Test
    void finds_the_position_of_each_stored_event_and_nothing_for_others() throws Exception {
      store.append("a", deposits("a", 0, 2));
      store.append("b", deposits("b", 0, 1));

      var log = TestStores.awaitLog(store, 3);
      assertThat(store.positionOf("a", 1)).hasValue(log.get(1).position());
      assertThat(store.positionOf("b", 0)).hasValue(log.get(2).position());
      assertThat(store.positionOf("a", 2)).isEmpty();
      assertThat(store.positionOf("nonesuch", 0)).isEmpty();
    }

    @Test
    void stores_nothing_when_the_second_event_of_a_stream_cannot_be_serialized()
        throws InterruptedException {
      store.append("other", deposits("other", 0, 2));
      List<LoggedMessage> logBefore = TestStores.awaitLog(store, 2);
      Checkpoint headBefore = store.head();
      var stream =
          DomainEventStream.of(
              message("acc-1", 0, new Opened("acc-1", "Ada")),
              message("acc-1", 1, new Unregistered("not in the registry")));

      assertThatThrownBy(() -> store.append("acc-1", stream))
          .isInstanceOf(UnknownEventTypeException.class)
          .hasMessageContaining(Unregistered.class.getName());

      assertThat(store.loadFromPlayhead("acc-1", 0)).isEmpty();
      assertThat(store.read(Checkpoint.beginning(), 100)).isEqualTo(logBefore);
      assertThat(store.head()).isEqualTo(headBefore);
    }

    @Test
    void a_stream_longer_than_one_insert_statement_is_stored_whole_or_not_at_all() {
      var first = deposits("long", 0, 250);
      store.append("long", first);
      assertThat(store.load("long")).isEqualTo(first);

      var second = new ArrayList<>(deposits("long", 250, 250).messages());
      DomainMessage clash = second.get(230); // in the third INSERT statement of the append
      second.set(
          230,
          new DomainMessage(
              first.messages().get(0).eventId(),
              clash.aggregateId(),
              clash.playhead(),
              clash.metadata(),
              clash.payload(),
              clash.recordedOn()));

      assertThatThrownBy(() -> store.append("long", DomainEventStream.of(second)))
          .isInstanceOf(EventStoreException.class)
          .isNotInstanceOf(DuplicatePlayheadException.class)
          .hasMessageContaining("event id is stored already")
          .hasMessageContaining("'long'");
      assertThat(store.load("long")).isEqualTo(first);
    }

    @Test
    void a_stream_that_failed_to_serialize_leaves_its_playheads_free() {
      var valid = DomainEventStream.of(message("acc-1", 0, new Opened("acc-1", "Ada")));
      var invalid =
          DomainEventStream.of(
              valid.messages().get(0), message("acc-1", 1, new Unregistered("not named")));
      assertThatExceptionOfType(UnknownEventTypeException.class)
          .isThrownBy(() -> store.append("acc-1", invalid));

      store.append("acc-1", valid);

      assertThat(store.load("acc-1")).containsExactlyElementsOf(valid);
    }

    @Test
    void a_serialization_failure_inside_the_callers_transaction_adds_nothing_to_it() {
      var invalid =
          DomainEventStream.of(
              message("order-1", 0, new Opened("order-1", "Ada")),
              message("order-1", 1, new Unregistered("not named")));

      jdbi.useTransaction(
          handle -> {
            insertOwnRow(handle, "order-1");
            assertThatExceptionOfType(UnknownEventTypeException.class)
                .isThrownBy(() -> store.append(handle, "order-1", invalid));
            // The caller decides to keep its own row: nothing of the stream may come with it.
          });

      assertThat(ownRows()).containsExactly("order-1");
      assertThat(store.loadFromPlayhead("order-1", 0)).isEmpty();
      assertThat(store.read(Checkpoint.beginning(), 100)).isEmpty();
    }

    @Test
    void events_appended_in_the_callers_transaction_commit_together_with_its_own_row()
        throws InterruptedException {
      DomainEventStream stream = deposits("order-1", 0, 3);

      jdbi.useTransaction(
          handle -> {
            insertOwnRow(handle, "order-1");
            store.append(handle, "order-1", stream);
            assertThat(store.loadFromPlayhead("order-1", 0))
                .as("not visible to others before the caller commits")
                .isEmpty();
          });

      assertThat(ownRows()).containsExactly("order-1");
      assertThat(store.load("order-1")).containsExactlyElementsOf(stream);
      assertThat(TestStores.awaitLog(store, 3))
          .extracting(LoggedMessage::message)
          .containsExactlyElementsOf(stream);
    }

    @Test
    void when_the_caller_rolls_back_neither_its_row_nor_the_events_are_stored() {
      DomainEventStream stream = deposits("order-1", 0, 3);

      assertThatExceptionOfType(CallerFailure.class)
          .isThrownBy(
              () ->
                  jdbi.useTransaction(
                      handle -> {
                        insertOwnRow(handle, "order-1");
                        store.append(handle, "order-1", stream);
                        throw new CallerFailure();
                      }));

      assertThat(ownRows()).isEmpty();
      assertThat(store.loadFromPlayhead("order-1", 0)).isEmpty();
      assertThat(store.read(Checkpoint.beginning(), 100)).isEmpty();
      store.append("order-1", stream); // the playheads, and on H2 and MariaDB the lock, are free
      assertThat(store.load("order-1")).containsExactlyElementsOf(stream);
    }

    @Test
    void refuses_a_handle_without_an_open_transaction() {
      jdbi.useHandle(
          handle ->
              assertThatThrownBy(() -> store.append(handle, "order-1", deposits("order-1", 0, 1)))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining("transaction"));

      assertThat(store.loadFromPlayhead("order-1", 0)).isEmpty();
    }

    @Test
    void a_playhead_another_writer_took_first_is_a_duplicate_playhead_in_the_callers_transaction() {
      var theirs = DomainEventStream.of(message("order-1", 0, new Opened("order-1", "Ada")));
      store.append("order-1", theirs);

      assertThatThrownBy(
              () ->
                  jdbi.useTransaction(
                      handle -> {
                        insertOwnRow(handle, "order-1");
                        store.append(handle, "order-1", deposits("order-1", 0, 2));
                      }))
          .isInstanceOfSatisfying(
              DuplicatePlayheadException.class,
              e -> {
                assertThat(e.aggregateId()).isEqualTo("order-1");
                assertThat(e.playhead()).isZero();
              });

      assertThat(ownRows()).isEmpty();
      assertThat(store.load("order-1")).containsExactlyElementsOf(theirs);
    }

    @Test
    void a_later_playhead_another_writer_took_first_is_a_duplicate_playhead_too() {
      store.append("order-1", deposits("order-1", 0, 2));

      assertThatThrownBy(
              () ->
                  jdbi.useTransaction(
                      handle -> store.append(handle, "order-1", deposits("order-1", 1, 2))))
          .isInstanceOfSatisfying(
              DuplicatePlayheadException.class, e -> assertThat(e.playhead()).isEqualTo(1));

      assertThat(store.load("order-1")).hasSize(2);
    }

    @Test
    void the_callers_transaction_appends_after_playheads_others_committed_since_it_began() {
      store.append("order-1", deposits("order-1", 0, 1));

      jdbi.useTransaction(
          handle -> {
            ownRows(handle); // the caller reads its own table first, as a command handler would
            store.append("order-1", deposits("order-1", 1, 2)); // another writer, committed
            long next = store.load("order-1").size();
            store.append(handle, "order-1", deposits("order-1", next, 1));
          });

      assertThat(store.load("order-1"))
          .extracting(DomainMessage::playhead)
          .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void recorded_on_round_trips_to_the_microsecond_before_1970_and_after_2038()
        throws InterruptedException {
      List<Instant> instants =
          List.of(
              Instant.parse("1969-07-20T20:17:40.123456Z"),
              Instant.parse("1900-01-01T00:00:00.000001Z"),
              Instant.parse("1970-01-01T00:00:00Z"),
              Instant.parse("2038-01-19T03:14:08.999999Z"),
              Instant.parse("2100-01-01T00:00:00.000001Z"));
      var messages =
          IntStream.range(0, instants.size())
              .mapToObj(i -> recordedOn("moon", i, instants.get(i)))
              .toList();

      store.append("moon", DomainEventStream.of(messages));

      assertThat(store.load("moon"))
          .extracting(DomainMessage::recordedOn)
          .containsExactlyElementsOf(instants);
      assertThat(TestStores.awaitLog(store, instants.size()))
          .extracting(logged -> logged.message().recordedOn())
          .containsExactlyElementsOf(instants);
    }

    @Test
    void aggregate_ids_of_255_characters_are_stored_and_loaded() throws InterruptedException {
      List<String> ids =
          List.of(
              "a".repeat(254) + "z",
              "\u20ac".repeat(255), // three bytes each in UTF-8
              "\uD83D\uDE80".repeat(127) + "z"); // rockets: four bytes in UTF-8, two Java chars
      for (String id : ids) {
        store.append(id, deposits(id, 0, 2));
      }

      for (String id : ids) {
        assertThat(store.load(id)).extracting(DomainMessage::aggregateId).containsOnly(id);
        assertThat(store.load(id)).hasSize(2);
      }
      assertThat(TestStores.awaitLog(store, 6))
          .extracting(logged -> logged.message().aggregateId())
          .containsExactly(ids.get(0), ids.get(0), ids.get(1), ids.get(1), ids.get(2), ids.get(2));
    }

    @Test
    void an_aggregate_id_longer_than_255_characters_is_refused_and_stores_nothing() {
      String id = "a".repeat(256);

      assertThatThrownBy(() -> store.append(id, deposits(id, 0, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("256 characters long");

      assertThat(store.read(Checkpoint.beginning(), 100)).isEmpty();
    }

    @Test
    void recorded_on_round_trips_whatever_the_time_zones_of_the_jvm_and_the_session()
        throws SQLException {
      String table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      var instants =
          List.of(
              Instant.parse("1969-07-20T20:17:40.123456Z"),
              Instant.parse("2024-03-31T01:30:00.000001Z"), // Europe's clocks jump this hour
              Instant.parse("2100-01-01T00:00:00.000001Z"));
      var messages =
          IntStream.range(0, instants.size())
              .mapToObj(i -> recordedOn("moon", i, instants.get(i)))
              .toList();
      TimeZone original = TimeZone.getDefault();
      try {
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns")); // UTC-03:30
        try (var skewed = pool("skewed", skewedTimeZone());
            var store =
                JdbcEventStore.builder(skewed, TestStores.SERIALIZER).table(table).build()) {
          store.append("moon", DomainEventStream.of(messages));
          assertThat(store.load("moon")).containsExactlyElementsOf(messages);
        }
      } finally {
        TimeZone.setDefault(original);
      }

      assertThat(stores.storeOn(table, builder -> builder).load("moon"))
          .containsExactlyElementsOf(messages);
    }

    /** {@return the statement that sets a session's time zone to UTC+05:45} */
    private String skewedTimeZone() {
      return switch (stores.database()) {
        case MARIADB -> "SET time_zone = '+05:45'";
        case POSTGRESQL, H2 -> "SET TIME ZONE 'Asia/Kathmandu'";
      };
    }

    /**
     * {@return a small pool of its own on the test database, each session set up by a statement}
     */
    HikariDataSource pool(String name, String sessionSetup) {
      var config = new HikariConfig();
      ((HikariDataSource) stores.database().dataSource()).copyStateTo(config);
      config.setPoolName(name + "-" + stores.database());
      config.setMaximumPoolSize(2);
      config.setConnectionInitSql(sessionSetup);
      return new HikariDataSource(config);
    }

    TestStores stores() {
      return stores;
    }

    private void insertOwnRow(Handle handle, String id) {
      handle.execute("INSERT INTO " + ownTable + " (id) VALUES (?)", id);
    }

    private List<String> ownRows() {
      return jdbi.withHandle(this::ownRows);
    }

    private List<String> ownRows(Handle handle) {
      return handle
          .createQuery("SELECT id FROM " + ownTable + " ORDER BY id")
          .mapTo(String.class)
          .list();
    }

    private static DomainMessage recordedOn(String aggregateId, long playhead, Instant instant) {
      return new DomainMessage(
          UUID.randomUUID(),
          aggregateId,
          playhead,
          METADATA,
          new Deposited(aggregateId, playhead),
          instant);
    }
  }
}
