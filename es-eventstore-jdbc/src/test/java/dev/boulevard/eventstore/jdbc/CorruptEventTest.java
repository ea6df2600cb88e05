package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.eventstore.UnreadableLogEntryException;
import dev.boulevard.serializer.SerializationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows written past the store, with SQL, that cannot be read back: every way of reading fails
 * loudly, naming the aggregate, the playhead and the stored type.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorruptEventTest {

  private static final String AGGREGATE = "acc-7";
  private static final long PLAYHEAD = 2;

  /** A stored event that does not make an event of its type, or names no type at all. */
  enum Corruption {
    NUMBER_FOR_A_STRING("contract.deposited", "{\"account\":5}", "{}"),
    UNKNOWN_PROPERTY(
        "contract.deposited", "{\"account\":\"acc-7\",\"amount\":5,\"currency\":\"EUR\"}", "{}"),
    STRING_FOR_A_NUMBER("contract.deposited", "{\"account\":\"acc-7\",\"amount\":\"lots\"}", "{}"),
    ARRAY_FOR_AN_OBJECT("contract.opened", "[\"acc-7\",\"Ada\"]", "{}"),
    UNKNOWN_TYPE("contract.closed", "{\"account\":\"acc-7\"}", "{}"),
    METADATA_THAT_IS_NOT_STRINGS(
        "contract.deposited", "{\"account\":\"acc-7\",\"amount\":5}", "{\"user\":5}");

    final String type;
    final String payload;
    final String metadata;

    Corruption(String type, String payload, String metadata) {
      this.type = type;
      this.payload = payload;
      this.metadata = metadata;
    }
  }

  @Nested
  class OnH2 extends CorruptEventBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends CorruptEventBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends CorruptEventBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class CorruptEventBehaviour {

    private final TestStores stores;
    private String table;
    private JdbcEventStore store;

    CorruptEventBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void createStoreWithTwoGoodEvents() {
      table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      store = stores.storeOn(table, builder -> builder);
      store.append(AGGREGATE, deposits(AGGREGATE, 0, 2));
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void loading_the_aggregate_fails_naming_the_aggregate_the_playhead_and_the_type(
        Corruption corruption) throws SQLException {
      insertPastTheStore(corruption);

      assertFailsNaming(() -> store.load(AGGREGATE), corruption);
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void reading_the_global_log_fails_naming_the_aggregate_the_playhead_and_the_type(
        Corruption corruption) throws SQLException {
      insertPastTheStore(corruption);

      // Batches end before the corrupt row; the read that starts at it fails.
      assertFailsNaming(() -> readAll(store), corruption);
    }

    /** Reads the whole log, batch after batch. */
    private static void readAll(JdbcEventStore store) {
      Checkpoint at = Checkpoint.beginning();
      for (var batch = store.read(at, 100); !batch.isEmpty(); batch = store.read(at, 100)) {
        at = batch.get(batch.size() - 1).checkpoint();
      }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void streaming_the_global_log_fails_naming_the_aggregate_the_playhead_and_the_type(
        Corruption corruption) throws SQLException {
      insertPastTheStore(corruption);

      assertFailsNaming(
          () -> {
            try (var stream = store.stream(Checkpoint.beginning())) {
              stream.forEach(logged -> {});
            }
          },
          corruption);
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void visiting_the_events_fails_naming_the_aggregate_the_playhead_and_the_type(
        Corruption corruption) throws SQLException {
      insertPastTheStore(corruption);

      assertFailsNaming(() -> store.visitEvents(Criteria.all(), message -> {}), corruption);
    }

    /**
     * Checks the failure names the row; a read of the global log reports it as its unreadable
     * entry, with the checkpoint a reader can skip to, around the row's own failure.
     */
    private static void assertFailsNaming(ThrowingCallable reading, Corruption corruption) {
      Throwable thrown = catchThrowable(reading);
      Throwable row =
          thrown instanceof UnreadableLogEntryException entry ? entry.getCause() : thrown;
      assertThat(row)
          .isInstanceOf(EventStoreException.class)
          .hasMessageContaining("'" + AGGREGATE + "'")
          .hasMessageContaining("playhead " + PLAYHEAD)
          .hasMessageContaining("'" + corruption.type + "'");
      assertThat(row.getCause()).isInstanceOf(SerializationException.class);
    }

    /** Inserts a row with the columns of the shipped V1 script of each dialect. */
    private void insertPastTheStore(Corruption corruption) throws SQLException {
      TestDatabase database = stores.database();
      String json = database == TestDatabase.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
      String sql =
          "INSERT INTO "
              + table
              + " (event_id, aggregate_id, playhead, event_type, payload, metadata, recorded_on)"
              + " VALUES (?, ?, ?, ?, "
              + json
              + ", "
              + json
              + ", ?)";
      Instant now = Instant.parse("2026-02-03T04:05:06.123456Z");
      try (Connection connection = database.dataSource().getConnection();
          PreparedStatement insert = connection.prepareStatement(sql)) {
        if (database == TestDatabase.MARIADB) {
          insert.setString(1, UUID.randomUUID().toString()); // CHAR(36)
          insert.setObject(7, LocalDateTime.ofInstant(now, ZoneOffset.UTC)); // DATETIME(6), UTC
        } else {
          insert.setObject(1, UUID.randomUUID());
          insert.setObject(7, now.atOffset(ZoneOffset.UTC));
        }
        insert.setString(2, AGGREGATE);
        insert.setLong(3, PLAYHEAD);
        insert.setString(4, corruption.type);
        insert.setString(5, corruption.payload);
        insert.setString(6, corruption.metadata);
        insert.executeUpdate();
      }
      awaitReadableInTheLog(lastPosition());
    }

    private long lastPosition() throws SQLException {
      try (Connection connection = stores.database().dataSource().getConnection();
          PreparedStatement query =
              connection.prepareStatement("SELECT MAX(global_position) FROM " + table);
          ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }

    /**
     * Waits until the log's head reaches the given position: on PostgreSQL a transaction open
     * anywhere on the server, also one of another test run, holds readers of the log back.
     */
    private void awaitReadableInTheLog(long position) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      Checkpoint head = store.head();
      while (head.position() != position && System.nanoTime() < deadline) {
        try {
          store.awaitEventsAfter(head, Duration.ofMillis(500));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        head = store.head();
      }
      assertThat(head.position()).as("the log's head reaches the corrupt row").isEqualTo(position);
    }
  }
}
