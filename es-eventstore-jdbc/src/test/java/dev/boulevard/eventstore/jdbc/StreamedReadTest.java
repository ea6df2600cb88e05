package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.FilteredBatch;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.UnreadableLogEntryException;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads results longer than a fetch (MariaDB's driver streams them 50 rows at a time) over a pool
 * of one connection, so that a read that stops early must leave its connection fit for the next
 * statement: a log batch that ends before an unreadable row, loads of many rows, a history cursor
 * closed half-way.
 */
class StreamedReadTest {

  private static final int BEFORE = 130;
  private static final int AFTER = 170;

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class StreamedReads {

    @RegisterExtension final TestStores stores;
    private final TestDatabase database;
    private HikariDataSource onlyConnection;
    private JdbcEventStore store;
    private long unreadable;

    StreamedReads(TestDatabase database) {
      this.database = database;
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void fillTheLogAroundAnUnreadableRow() throws Exception {
      String table = stores.newTable();
      JdbcSchema.eventStore(database.dataSource(), table).migrate();
      var config = new HikariConfig();
      config.setJdbcUrl(database.url());
      config.setUsername(database.user());
      config.setPassword(database.password());
      config.setMaximumPoolSize(1);
      onlyConnection = new HikariDataSource(config);
      store =
          JdbcEventStore.builder(onlyConnection, TestStores.SERIALIZER)
              .table(table)
              .fetchSize(500)
              .build();
      store.append("a", deposits("a", 0, BEFORE));
      unreadable =
          RawRows.insert(
                  database,
                  table,
                  List.of(RawRows.Row.of("c", 0, "contract.deposited", 1, "{\"nonsense\":1}")))
              .get(0);
      store.append("b", deposits("b", 0, AFTER));
    }

    @AfterEach
    void closePool() {
      store.close();
      onlyConnection.close();
    }

    @Test
    void a_batch_ends_before_an_unreadable_row_and_the_connection_reads_on() {
      List<LoggedMessage> first = store.read(Checkpoint.beginning(), 500);

      assertThat(first).hasSize(BEFORE);
      assertThat(first).extracting(m -> m.message().aggregateId()).containsOnly("a");
      assertThat(store.head().position()).isGreaterThan(unreadable); // same connection, next query

      var failure =
          catchThrowableOfType(
              UnreadableLogEntryException.class,
              () -> store.read(first.get(BEFORE - 1).checkpoint(), 500));
      assertThat(failure.checkpoint().position()).isEqualTo(unreadable);
      assertThat(failure.storedType()).isEqualTo("contract.deposited");

      List<LoggedMessage> rest = store.read(failure.checkpoint(), 500);
      assertThat(rest).hasSize(AFTER);
      assertThat(rest).extracting(m -> m.message().playhead()).startsWith(0L, 1L).endsWith(169L);
    }

    @Test
    void a_filtered_read_goes_past_an_unreadable_row_it_leaves_out_without_reading_it() {
      FilteredBatch read = store.read(Checkpoint.beginning(), 500, id -> !id.equals("a"));
      assertThat(read.events()).isEmpty();
      FilteredBatch next = store.read(read.readTo(), 500, id -> id.equals("b"));

      assertThat(read.entries()).isEqualTo(BEFORE); // the unreadable row ends this batch
      assertThat(next.events()).hasSize(AFTER);
      assertThat(next.entries()).isEqualTo(AFTER + 1); // and the next one goes past it unread
      assertThatExceptionOfType(UnreadableLogEntryException.class)
          .isThrownBy(() -> store.read(read.readTo(), 500, id -> id.equals("c")));
    }

    @Test
    void loads_and_streams_of_many_rows_read_them_all_in_order() {
      assertThat(store.load("b").messages())
          .extracting(DomainMessage::playhead)
          .containsExactlyElementsOf(range(AFTER));
      try (Stream<DomainMessage> history = store.streamFromPlayhead("a", 0)) {
        assertThat(history.limit(60)).hasSize(60); // closed with rows left on the socket
      }
      assertThat(store.load("a").messages()).hasSize(BEFORE);
    }

    private static List<Long> range(int count) {
      return LongStream.range(0, count).boxed().toList();
    }
  }

  @Nested
  class OnH2 extends StreamedReads {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgreSql extends StreamedReads {
    OnPostgreSql() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends StreamedReads {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
