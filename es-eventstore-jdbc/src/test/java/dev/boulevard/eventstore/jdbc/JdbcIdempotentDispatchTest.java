package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.fixtures.AccountEvent;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.idempotency.IdempotencyStore;
import dev.boulevard.idempotency.contract.IdempotentDispatchContract;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.unitofwork.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The idempotent-dispatch contract on each database: the keys in the event store's transaction. */
class JdbcIdempotentDispatchTest {

  private static final AtomicInteger TABLES = new AtomicInteger();

  /** Fresh event and key tables on one database, dropped after each test. */
  abstract static class OnDatabase extends IdempotentDispatchContract {
    private final TestDatabase database;
    private final String suffix =
        Long.toString(ProcessHandle.current().pid(), 36) + "_" + TABLES.incrementAndGet();
    private final String events = "ide_" + suffix;
    private final String keys = "idk_" + suffix;
    private JdbcEventStore store;

    OnDatabase(TestDatabase database) {
      this.database = database;
    }

    @Override
    protected EventStore createEventStore() {
      JdbcSchema.eventStore(database.dataSource(), events).migrate();
      var registry =
          EventTypeRegistry.builder()
              .register("opened", AccountEvent.Opened.class)
              .register("deposited", AccountEvent.Deposited.class)
              .register("withdrawn", AccountEvent.Withdrawn.class)
              .build();
      store =
          JdbcEventStore.builder(database.dataSource(), new JacksonSerializer(registry))
              .table(events)
              .build();
      return store;
    }

    @Override
    protected IdempotencyStore createKeys() {
      JdbcSchema.idempotencyKeys(database.dataSource(), keys).migrate();
      return JdbcIdempotencyStore.on(database.dataSource(), keys);
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return store.unitOfWork();
    }

    @Test
    void a_claim_outside_a_unit_of_work_is_refused_with_what_to_do() {
      IdempotencyStore keyStore = JdbcIdempotencyStore.on(database.dataSource(), keys);
      JdbcSchema.idempotencyKeys(database.dataSource(), keys).migrate();

      assertThatThrownBy(
              () ->
                  keyStore.claim(
                      IdempotencyKey.of("s", "k"), "0".repeat(64), Instant.EPOCH, Instant.MAX))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("outside a unit of work")
          .hasMessageContaining("unitOfWork()");
    }

    @Test
    void a_repeat_after_the_store_was_rebuilt_reads_the_result_from_the_table() {
      bus().dispatch(new Open("a-1"));
      DispatchResult first = bus().dispatch(keyed("k-1", new Deposit("a-1", 5)));

      // A new process: nothing in memory, only the table.
      var again =
          dev.boulevard.idempotency.IdempotentCommandBus.builder(
                  new dev.boulevard.commandhandling.SimpleCommandBus(),
                  JdbcIdempotencyStore.on(database.dataSource(), keys))
              .unitOfWork(store.unitOfWork())
              .clock(SettableClock.standingStill()) // the contract's time: the key has not expired
              .build();
      DispatchResult repeat = again.dispatch(keyed("k-1", new Deposit("a-1", 5)));

      assertThat(repeat.replayed()).isTrue();
      assertThat(repeat.appends()).isEqualTo(first.appends());
    }

    @AfterEach
    void dropTables() throws SQLException {
      store.close();
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String table : new String[] {events, keys}) {
          statement.execute("DROP TABLE IF EXISTS " + table);
          statement.execute("DROP TABLE IF EXISTS " + table + "_schema_version");
        }
      }
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends OnDatabase {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends OnDatabase {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
