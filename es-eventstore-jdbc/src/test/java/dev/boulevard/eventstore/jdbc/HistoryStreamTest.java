package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.boulevard.domain.DomainMessage;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streams long histories through a cursor, a fetch size of rows at a time, on each database. */
class HistoryStreamTest {

  private static final int EVENTS = 2_500;

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Streaming {

    private final TestStores stores;
    private JdbcEventStore store;

    Streaming(TestDatabase database) {
      stores = new TestStores(database);
    }

    @BeforeEach
    void storeALongHistory() {
      String table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      store = stores.storeOn(table, builder -> builder.fetchSize(100));
      for (int first = 0; first < EVENTS; first += 100) {
        store.append("long", deposits("long", first, 100));
      }
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @Test
    void streams_every_event_in_playhead_order_equal_to_a_load() {
      List<DomainMessage> streamed;
      try (var events = store.streamFromPlayhead("long", 0)) {
        streamed = events.toList();
      }

      assertThat(streamed).hasSize(EVENTS).isEqualTo(store.load("long").messages());
    }

    @Test
    void streams_from_a_playhead_inclusively() {
      try (var events = store.streamFromPlayhead("long", 1_234)) {
        assertThat(events.map(DomainMessage::playhead).toList())
            .hasSize(EVENTS - 1_234)
            .startsWith(1_234L, 1_235L)
            .endsWith((long) EVENTS - 1);
      }
    }

    @Test
    void streams_nothing_for_an_aggregate_without_events() {
      try (var events = store.streamFromPlayhead("nobody", 0)) {
        assertThat(events).isEmpty();
      }
    }

    @Test
    void refuses_a_negative_playhead() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> store.streamFromPlayhead("long", -1))
          .withMessageContaining("'long'");
    }

    @Test
    @Timeout(60)
    void closing_a_stream_read_halfway_gives_its_connection_back() {
      // More streams than the pool has connections: a stream that kept its connection would
      // exhaust the pool and time out.
      for (int i = 0; i < 40; i++) {
        try (var events = store.streamFromPlayhead("long", 0)) {
          assertThat(events.limit(3).count()).isEqualTo(3);
        }
      }
      assertThat(store.loadFromPlayhead("long", EVENTS - 1)).hasSize(1);
    }
  }

  @Nested
  class OnH2 extends Streaming {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends Streaming {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Streaming {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
