package dev.boulevard.readmodel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.spi.ProjectionStore;
import dev.boulevard.readmodel.spi.ProjectionStore.Lease;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A batch holds its lease's row from its lease check to its commit; a process frozen in between
 * holds it for as long as it is frozen. Taking, renewing and releasing leases must not wait on that
 * lock, or one frozen process would stall its group's lease keeping (seen with SIGSTOP in the
 * wallet's FleetPauseTest before they skipped locked rows).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class LeaseRowLockTest {

  private static final Duration LEASE = Duration.ofSeconds(1);

  abstract static class OnDatabase {
    private final TestDatabase database;
    private final String table =
        "lk_"
            + Long.toString(ProcessHandle.current().pid(), 36)
            + "_"
            + System.nanoTime() % 100_000;

    OnDatabase(TestDatabase database) {
      this.database = database;
    }

    @AfterEach
    void dropTables() throws Exception {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String suffix : new String[] {"", "_decisions", "_leases", "_members"}) {
          statement.execute("DROP TABLE IF EXISTS " + table + suffix);
        }
      }
    }

    @Test
    void a_lease_row_locked_by_a_frozen_batch_is_skipped_not_waited_on() throws Exception {
      ProjectionStore store =
          JdbcReadModelStorage.create(database.dataSource()).projectionStore(table);
      Lease frozen = store.claim("p", "frozen#1", LEASE).orElseThrow();
      Thread.sleep(LEASE.toMillis() + 200); // lapsed: another runner may take it

      try (Connection batch = database.dataSource().getConnection()) {
        batch.setAutoCommit(false);
        try (Statement statement = batch.createStatement()) {
          // what a batch's lease check does, in a transaction left open as by a frozen process
          statement
              .executeQuery("SELECT owner FROM " + table + "_leases WHERE name = 'p' FOR UPDATE")
              .close();
        }

        assertThat(inTime(() -> store.claim("p", "other#1", LEASE))).isEmpty();
        assertThat(inTime(() -> store.renew(frozen, LEASE))).isTrue(); // cannot tell: next turn
        inTime(
            () -> {
              store.release(frozen);
              return null;
            });
        batch.rollback(); // the server ends it, or the process thaws
      }

      Optional<Lease> taken = store.claim("p", "other#1", LEASE);
      assertThat(taken).map(Lease::epoch).contains(frozen.epoch() + 1);
      assertThat(store.renew(frozen, LEASE)).isFalse();
    }

    private static <T> T inTime(java.util.concurrent.Callable<T> call) throws Exception {
      // a generous bound: the point is that the call returns at all while the row is locked
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return call.call();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              })
          .get(20, TimeUnit.SECONDS);
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
