package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An append whose connection dies in the middle stores nothing, and the store works on afterwards:
 * the server kills the connection of an open transaction, or of an append that waits for another.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class ConnectionKillTest {

  @Nested
  class OnPostgres extends ConnectionKillBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }

    @Override
    long backendOf(Handle handle) {
      return handle.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one();
    }

    @Override
    void kill(Handle killer, long backend) {
      // Waits up to 10 s for the backend to be gone, so nothing races the kill.
      assertThat(
              killer
                  .createQuery("SELECT pg_terminate_backend(CAST(? AS INTEGER), 10000)")
                  .bind(0, backend)
                  .mapTo(Boolean.class)
                  .one())
          .isTrue();
    }

    @Override
    Optional<Long> appendWaitingOnALock(Handle observer, String table) {
      // An append of a taken playhead waits on the unique index for the holder's transaction.
      return observer
          .createQuery(
              "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                  + " AND query LIKE 'INSERT INTO ' || ? || ' %'")
          .bind(0, table)
          .mapTo(Long.class)
          .findFirst();
    }

    @Override
    List<String> sessions(Handle observer) {
      return observer
          .createQuery(
              "SELECT concat_ws(' | ', pid, state, wait_event_type, wait_event, left(query, 200))"
                  + " FROM pg_stat_activity WHERE datname = current_database()")
          .mapTo(String.class)
          .list();
    }
  }

  @Nested
  class OnMariaDb extends ConnectionKillBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }

    @Override
    long backendOf(Handle handle) {
      return handle.createQuery("SELECT CONNECTION_ID()").mapTo(Long.class).one();
    }

    @Override
    void kill(Handle killer, long backend) {
      killer.execute("KILL CONNECTION " + backend);
      awaitTrue(
          () ->
              killer
                      .createQuery(
                          "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?")
                      .bind(0, backend)
                      .mapTo(Long.class)
                      .one()
                  == 0,
          "connection " + backend + " is gone");
    }

    @Override
    Optional<Long> appendWaitingOnALock(Handle observer, String table) {
      // The second append waits for the row lock that serializes appends; the holder is idle.
      return observer
          .createQuery(
              "SELECT ID FROM information_schema.PROCESSLIST"
                  + " WHERE COMMAND = 'Query' AND INFO LIKE CONCAT('SELECT id FROM ', ?, ' %')")
          .bind(0, table + "_append_lock")
          .mapTo(Long.class)
          .findFirst();
    }

    @Override
    List<String> sessions(Handle observer) {
      return observer
          .createQuery(
              "SELECT CONCAT_WS(' | ', ID, COMMAND, STATE, TIME_MS, LEFT(INFO, 200))"
                  + " FROM information_schema.PROCESSLIST WHERE DB = DATABASE()")
          .mapTo(String.class)
          .list();
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(60)
  abstract static class ConnectionKillBehaviour {

    private final TestStores stores;
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private String table;
    private JdbcEventStore store;
    private Jdbi jdbi;

    ConnectionKillBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    /** {@return the server's id of the connection behind the handle} */
    abstract long backendOf(Handle handle);

    /** Kills a connection from another one, and returns once the server has ended it. */
    abstract void kill(Handle killer, long backend);

    /** {@return the server's id of the connection whose append waits on a lock, if one does} */
    abstract Optional<Long> appendWaitingOnALock(Handle observer, String table);

    /** {@return a line for each session of the test database, to explain a failed wait} */
    abstract List<String> sessions(Handle observer);

    @BeforeEach
    void createStore() {
      table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      store = stores.storeOn(table, builder -> builder);
      jdbi = Jdbi.create(stores.database().dataSource());
    }

    @AfterEach
    void drop() throws SQLException {
      threads.shutdownNow();
      stores.close();
    }

    @Test
    void a_transaction_whose_connection_is_killed_before_it_commits_stores_nothing()
        throws InterruptedException {
      DomainEventStream stream = deposits("acc-1", 0, 3);
      try (Handle handle = jdbi.open()) {
        handle.begin();
        store.append(handle, "acc-1", stream);
        long backend = backendOf(handle);

        jdbi.useHandle(killer -> kill(killer, backend));

        assertThatThrownBy(handle::commit).isInstanceOf(JdbiException.class);
      }

      assertThat(store.loadFromPlayhead("acc-1", 0)).isEmpty();
      store.append("acc-1", stream); // the pool has let go of the dead connection
      assertThat(store.load("acc-1")).containsExactlyElementsOf(stream);
      assertThat(messagesInTheLog(3))
          .as("the log holds the stream once: nothing of the killed transaction")
          .containsExactlyElementsOf(stream);
    }

    @Test
    void an_append_killed_while_it_waits_for_another_transaction_stores_nothing() throws Exception {
      var holders = DomainEventStream.of(message("acc-1", 0, new Opened("acc-1", "holder")));
      Future<?> waiting;
      try (Handle holder = jdbi.open()) {
        holder.begin();
        store.append(holder, "acc-1", holders);
        waiting = threads.submit(() -> store.append("acc-1", deposits("acc-1", 0, 2)));
        long waiter = jdbi.withHandle(observer -> awaitAppendWaitingOnALock(observer));

        jdbi.useHandle(killer -> kill(killer, waiter));

        assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(EventStoreException.class)
            .isNotInstanceOf(DuplicatePlayheadException.class)
            .hasMessageContaining("acc-1");
        holder.commit();
      }

      assertThat(store.load("acc-1")).containsExactlyElementsOf(holders);
      var more = deposits("acc-1", 1, 2);
      store.append("acc-1", more);
      assertThat(messagesInTheLog(3))
          .containsExactlyElementsOf(Stream.concat(holders.stream(), more.stream()).toList());
    }

    private long awaitAppendWaitingOnALock(Handle observer) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      Optional<Long> waiter = appendWaitingOnALock(observer, table);
      while (waiter.isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        waiter = appendWaitingOnALock(observer, table);
      }
      return waiter.orElseThrow(
          () -> new AssertionError("No append waits on a lock; sessions: " + sessions(observer)));
    }

    private List<DomainMessage> messagesInTheLog(int atLeast) throws InterruptedException {
      return TestStores.awaitLog(store, atLeast).stream().map(LoggedMessage::message).toList();
    }
  }

  /** Polls a condition until it holds, for at most ten seconds. */
  static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.onSpinWait();
    }
  }
}
