package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.UnreadableLogEntryException;
import dev.boulevard.eventstore.jdbc.LedgerEvent.Deposited;
import dev.boulevard.eventstore.jdbc.LedgerEvent.Opened;
import dev.boulevard.eventstore.jdbc.LedgerEvent.Withdrawn;
import dev.boulevard.eventstore.jdbc.RawRows.Row;
import dev.boulevard.serializer.jackson.UpcastingException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rows stored by older releases (a type over three versions, a renamed type, a split type) read as
 * the current events through every way of reading the store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UpcastingTest {

  @Nested
  class OnH2 extends UpcastingBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends UpcastingBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends UpcastingBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  static final UUID MOVED_ID = UUID.fromString("6f1c1f0e-0000-4000-8000-000000000002");

  /** Two ledgers written by older releases: 4 rows of L1, 2 of L2, 8 events once read. */
  static List<Row> oldRows() {
    return List.of(
        Row.of("L1", 0, "ledger.opened", 1, "{\"ledger\":\"L1\",\"name\":\"Ada\"}"),
        Row.of("L1", 1, "cash.paid", 1, "{\"ledger\":\"L1\",\"cents\":100}"),
        new Row(
            MOVED_ID,
            "L1",
            2,
            "ledger.moved",
            1,
            "{\"ledger\":\"L1\",\"in\":30,\"out\":50}",
            "{}",
            java.time.Instant.parse("2024-05-06T07:08:09.123456Z")),
        Row.of("L1", 3, "ledger.deposited", 1, "{\"ledger\":\"L1\",\"amount\":7}"),
        new Row(
            UUID.randomUUID(),
            "L2",
            0,
            "ledger.opened",
            2,
            "{\"ledger\":\"L2\",\"owner\":\"Bob\"}",
            "{\"currency\":\"SEK\"}",
            java.time.Instant.parse("2024-05-06T07:08:10Z")),
        Row.of("L2", 1, "ledger.moved", 1, "{\"ledger\":\"L2\",\"in\":5,\"out\":1}"));
  }

  static final List<Object> L1_EVENTS =
      List.of(
          new Opened("L1", "Ada", "EUR"),
          new Deposited("L1", 100),
          new Deposited("L1", 30),
          new Withdrawn("L1", 50),
          new Deposited("L1", 7));

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class UpcastingBehaviour {

    private final TestStores stores;
    private String table;
    private JdbcEventStore store;

    UpcastingBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void storeTheOldRows() throws Exception {
      table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      store =
          JdbcEventStore.builder(stores.database().dataSource(), LedgerEvent.SERIALIZER)
              .table(table)
              .build();
      RawRows.insert(stores.database(), table, oldRows());
      assertThat(TestStores.awaitLog(store, 8)).hasSize(8);
    }

    @AfterEach
    void drop() throws SQLException {
      store.close();
      stores.close();
    }

    @Test
    void loading_reads_a_chain_over_three_versions_a_rename_and_a_split_as_current_events() {
      List<DomainMessage> history = store.load("L1").messages();

      assertThat(history)
          .extracting(DomainMessage::playhead, DomainMessage::payload)
          .containsExactly(
              tuple(0L, L1_EVENTS.get(0)),
              tuple(1L, L1_EVENTS.get(1)),
              tuple(2L, L1_EVENTS.get(2)),
              tuple(2L, L1_EVENTS.get(3)),
              tuple(3L, L1_EVENTS.get(4)));
    }

    @Test
    void an_upcaster_reads_the_metadata_of_its_row() {
      assertThat(store.load("L2").payloads().get(0)).isEqualTo(new Opened("L2", "Bob", "SEK"));
    }

    @Test
    void the_pieces_of_a_split_row_share_its_playhead_and_get_stable_event_ids() {
      List<DomainMessage> pieces = store.loadFromPlayhead("L1", 2).messages().subList(0, 2);

      assertThat(pieces.get(0).eventId()).isEqualTo(MOVED_ID);
      assertThat(pieces.get(1).eventId())
          .isNotEqualTo(MOVED_ID)
          .isEqualTo(store.load("L1").messages().get(3).eventId());
      assertThat(pieces)
          .extracting(DomainMessage::recordedOn)
          .containsOnly(pieces.get(0).recordedOn());
    }

    @Test
    void streaming_an_aggregate_upcasts_every_row_with_a_fetch_size_of_one() {
      var oneRowAtATime =
          JdbcEventStore.builder(stores.database().dataSource(), LedgerEvent.SERIALIZER)
              .table(table)
              .fetchSize(1)
              .build();
      try (Stream<DomainMessage> history = oneRowAtATime.streamFromPlayhead("L1", 0)) {
        assertThat(history.map(DomainMessage::payload).toList())
            .containsExactlyElementsOf(L1_EVENTS);
      } finally {
        oneRowAtATime.close();
      }
    }

    @Test
    void an_aggregate_replays_the_split_row_and_its_next_event_follows_the_row() throws Exception {
      var ledgers =
          EventSourcingRepository.builder(Ledger.class, store, AggregateFactory.of(Ledger::new))
              .build();
      Ledger ledger = ledgers.load("L1");
      assertThat(ledger.owner()).isEqualTo("Ada");
      assertThat(ledger.currency()).isEqualTo("EUR");
      assertThat(ledger.balance()).isEqualTo(87);
      assertThat(ledger.playhead()).isEqualTo(3);

      ledger.deposit(13);
      ledgers.save(ledger);

      assertThat(ledgers.load("L1").balance()).isEqualTo(100);
      assertThat(RawRows.storedVersion(stores.database(), table, "L1", 4)).isEqualTo(1);
    }

    @Test
    void an_append_writes_the_current_version_of_each_type() throws Exception {
      store.append(
          "L9",
          dev.boulevard.domain.DomainEventStream.of(
              DomainMessage.recordNow(
                  "L9",
                  0,
                  dev.boulevard.domain.Metadata.empty(),
                  new Opened("L9", "Eve", "USD"),
                  java.time.Clock.systemUTC())));

      assertThat(RawRows.storedVersion(stores.database(), table, "L9", 0)).isEqualTo(3);
      assertThat(store.load("L9").payloads()).containsExactly(new Opened("L9", "Eve", "USD"));
    }

    @Test
    void visiting_upcasts_and_filters_by_the_class_the_rows_become() {
      var all = new ArrayList<Object>();
      store.visitEvents(Criteria.all(), message -> all.add(message.payload()));
      var withdrawals = new ArrayList<DomainMessage>();
      store.visitEvents(Criteria.all().withEventTypes(Withdrawn.class), withdrawals::add);
      var deposits = new ArrayList<Object>();
      store.visitEvents(
          Criteria.all().withEventTypes(Deposited.class).withAggregateIds("L1"),
          message -> deposits.add(message.payload()));

      assertThat(all).hasSize(8).startsWith(L1_EVENTS.toArray());
      assertThat(withdrawals)
          .extracting(DomainMessage::aggregateId, DomainMessage::payload)
          .containsExactly(
              tuple("L1", new Withdrawn("L1", 50)), tuple("L2", new Withdrawn("L2", 1)));
      assertThat(deposits)
          .containsExactly(
              new Deposited("L1", 100), new Deposited("L1", 30), new Deposited("L1", 7));
    }

    @Test
    void the_global_log_gives_the_pieces_of_a_split_row_its_checkpoint() {
      List<LoggedMessage> log = store.read(Checkpoint.beginning(), 100);
      List<LoggedMessage> streamed;
      try (Stream<LoggedMessage> stream = store.stream(Checkpoint.beginning())) {
        streamed = stream.toList();
      }

      assertThat(log)
          .extracting(logged -> logged.message().payload())
          .startsWith(L1_EVENTS.toArray());
      assertThat(log.get(2).checkpoint()).isEqualTo(log.get(3).checkpoint());
      assertThat(log.get(6).checkpoint()).isEqualTo(log.get(7).checkpoint());
      assertThat(streamed).isEqualTo(log);
    }

    @Test
    void a_batch_of_the_global_log_never_ends_between_the_pieces_of_a_row() {
      List<LoggedMessage> whole = store.read(Checkpoint.beginning(), 100);
      for (int limit = 1; limit <= 4; limit++) {
        var read = new ArrayList<LoggedMessage>();
        Checkpoint after = Checkpoint.beginning();
        for (List<LoggedMessage> batch = store.read(after, limit);
            !batch.isEmpty();
            batch = store.read(after, limit)) {
          assertThat(batch.size())
              .as("batch of limit %d", limit)
              .isLessThanOrEqualTo(Math.max(limit, 2));
          read.addAll(batch);
          after = batch.get(batch.size() - 1).checkpoint();
        }
        assertThat(read).as("limit %d", limit).isEqualTo(whole);
      }
    }

    @Test
    void a_row_that_no_chain_reads_fails_naming_its_position_aggregate_playhead_type_and_version()
        throws Exception {
      List<Long> positions =
          RawRows.insert(
              stores.database(),
              table,
              List.of(Row.of("L3", 0, "ledger.moved", 2, "{\"ledger\":\"L3\"}")));
      awaitHead(positions.get(0));

      assertThatThrownBy(() -> store.load("L3"))
          .isInstanceOf(UnreadableEventException.class)
          .hasMessageContaining("position " + positions.get(0))
          .hasMessageContaining("playhead 0 of aggregate 'L3'")
          .hasMessageContaining("'ledger.moved' version 2")
          .hasMessageContaining("No upcaster reads version 2 of event type 'ledger.moved'")
          .hasCauseInstanceOf(UpcastingException.class)
          .satisfies(
              e ->
                  assertThat(((UnreadableEventException) e).row())
                      .isEqualTo(
                          new UnreadableEventException.StoredRow(
                              positions.get(0), "L3", 0, "ledger.moved", 2)));
      Checkpoint before = checkpointBefore(positions.get(0));
      assertThatThrownBy(() -> store.read(before, 100))
          .isInstanceOf(UnreadableLogEntryException.class)
          .hasMessageContaining("position " + positions.get(0))
          .hasMessageContaining("'ledger.moved'")
          .hasCauseInstanceOf(UnreadableEventException.class)
          .satisfies(
              e ->
                  assertThat(((UnreadableLogEntryException) e).checkpoint().position())
                      .isEqualTo(positions.get(0)));
      assertThatThrownBy(() -> store.visitEvents(Criteria.all(), message -> {}))
          .isInstanceOf(UnreadableEventException.class);
    }

    /**
     * {@return the checkpoint of the last event before an unreadable row at a position} Batches end
     * before the row, and only the read that starts at it fails.
     */
    private Checkpoint checkpointBefore(long position) {
      Checkpoint at = Checkpoint.beginning();
      while (true) {
        List<LoggedMessage> batch;
        try {
          batch = store.read(at, 100);
        } catch (UnreadableLogEntryException e) {
          assertThat(e.checkpoint().position()).isEqualTo(position);
          return at;
        }
        assertThat(batch).as("the log ends before the unreadable row").isNotEmpty();
        assertThat(batch.get(batch.size() - 1).position()).isLessThan(position);
        at = batch.get(batch.size() - 1).checkpoint();
      }
    }

    /** Waits until the log's head reaches a position, as an unreadable row cannot be read. */
    private void awaitHead(long position) throws InterruptedException {
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
      while (store.head().position() < position && System.nanoTime() < deadline) {
        store.awaitEventsAfter(store.head(), java.time.Duration.ofMillis(200));
      }
      assertThat(store.head().position()).isEqualTo(position);
    }

    @Test
    void a_row_of_a_version_newer_than_the_code_fails_saying_so() throws Exception {
      RawRows.insert(
          stores.database(),
          table,
          List.of(Row.of("L4", 0, "ledger.opened", 4, "{\"ledger\":\"L4\"}")));

      assertThatThrownBy(() -> store.load("L4"))
          .isInstanceOf(UnreadableEventException.class)
          .hasMessageContaining("newer than its current version 3");
    }
  }
}
