package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On PostgreSQL, tailing readers are woken by NOTIFY when an append of another store instance
 * commits, and held back while an older writing transaction is still open.
 *
 * <p>Both behaviours depend on every transaction on the server: one left open by another test run
 * holds readers back too, which is why the reads below wait for events rather than read once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class PostgresNotifyTest {

  private final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);
  private final ExecutorService threads = Executors.newSingleThreadExecutor();
  private String table;
  private JdbcEventStore writer;
  private Jdbi jdbi;

  @BeforeEach
  void createTable() {
    table = stores.newTable();
    JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
    writer = stores.storeOn(table, builder -> builder);
    jdbi = Jdbi.create(stores.database().dataSource());
  }

  @AfterEach
  void drop() throws SQLException {
    threads.shutdownNow();
    stores.close();
  }

  @Test
  void a_reader_that_polls_every_30_seconds_is_woken_by_another_instances_append()
      throws Exception {
    var reader = stores.storeOn(table, builder -> builder.pollInterval(Duration.ofSeconds(30)));
    Future<Boolean> woken = aReaderWaiting(reader);

    long start = System.nanoTime();
    writer.append("acc-1", deposits("acc-1", 0, 1));

    assertThat(woken.get(25, TimeUnit.SECONDS)).isTrue();
    // Not a benchmark: without NOTIFY the reader would wake only after its 20 s timeout (its
    // 30 s poll is longer), so anything well below that shows the notification woke it.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void the_listener_runs_on_a_thread_of_the_factory_the_builder_was_given() throws Exception {
    var made = new ArrayList<Thread>();
    var reader =
        stores.storeOn(
            table,
            builder ->
                builder.threadFactory(
                    task -> {
                      Thread thread = new Thread(task, "injected-listener");
                      thread.setDaemon(true);
                      synchronized (made) {
                        made.add(thread);
                      }
                      return thread;
                    }));

    reader.awaitEventsAfter(reader.head(), Duration.ofMillis(1)); // starts listening
    awaitTrue(this::theReaderListens, "the reader's listener has run LISTEN");

    synchronized (made) {
      assertThat(made).hasSize(1);
      assertThat(made.get(0).isAlive()).isTrue();
    }
    reader.close();
  }

  @Test
  void an_append_in_a_caller_s_transaction_wakes_another_instance_s_reader_when_it_commits()
      throws Exception {
    var reader = stores.storeOn(table, builder -> builder.pollInterval(Duration.ofSeconds(30)));
    Future<Boolean> woken = aReaderWaiting(reader);

    long start = System.nanoTime();
    jdbi.useTransaction(handle -> writer.append(handle, "acc-1", deposits("acc-1", 0, 1)));

    assertThat(woken.get(25, TimeUnit.SECONDS)).isTrue();
    // Not a benchmark: unwoken, the reader would return only after its 20 s timeout.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    reader.close();
  }

  @Test
  void appends_notify_outside_their_transactions_and_many_appends_share_a_notification()
      throws Exception {
    long triggers =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery("SELECT COUNT(*) FROM pg_trigger WHERE tgname = ?")
                    .bind(0, (table + "_notify_readers").toLowerCase(Locale.ROOT))
                    .mapTo(Long.class)
                    .one());
    assertThat(triggers).as("the V1 trigger that notified inside each append is dropped").isZero();
    try (Handle listening = jdbi.open()) {
      listening.execute("LISTEN boulevard_" + table.toLowerCase(Locale.ROOT));
      var pg = listening.getConnection().unwrap(org.postgresql.PGConnection.class);
      int appends = 200;
      var pool = Executors.newFixedThreadPool(4);
      long start = System.nanoTime();
      try {
        var done = new ArrayList<Future<?>>();
        for (int i = 0; i < appends; i++) {
          String id = "acc-" + i;
          done.add(pool.submit(() -> writer.append(id, deposits(id, 0, 1))));
        }
        for (Future<?> append : done) {
          append.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      long appendsTook = System.nanoTime() - start;
      int received = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      // The last appends' notification comes after them; then no more come.
      do {
        var notifications = pg.getNotifications(200);
        received += notifications == null ? 0 : notifications.length;
      } while (received == 0 && System.nanoTime() < deadline);
      var late = pg.getNotifications((int) (2 * PostgresNotifier.SPACING_NANOS / 1_000_000) + 100);
      received += late == null ? 0 : late.length;
      long spacings =
          (appendsTook + 2 * PostgresNotifier.SPACING_NANOS) / PostgresNotifier.SPACING_NANOS;

      assertThat(received).isPositive().isLessThanOrEqualTo((int) Math.min(appends, spacings + 1));
    }
  }

  @Test
  void a_reader_woken_while_an_older_transaction_holds_the_events_back_looks_again_soon()
      throws Exception {
    var reader = stores.storeOn(table, builder -> builder.pollInterval(Duration.ofSeconds(30)));
    Future<Boolean> woken;
    long released;
    try (Handle holder = jdbi.open()) {
      holder.begin();
      holder.createQuery("SELECT pg_current_xact_id()").mapTo(String.class).one(); // takes an id
      woken = aReaderWaiting(reader);
      writer.append("acc-1", deposits("acc-1", 0, 1)); // notifies, but is held back by the holder
      Thread.sleep(200); // the hold that the reader must outwait, not a synchronization
      holder.commit(); // wakes nobody: it appended nothing
      released = System.nanoTime();
    }

    assertThat(woken.get(25, TimeUnit.SECONDS)).isTrue();
    // Not a benchmark: a reader that waited for the next wake-up or its 30 s poll would time out.
    assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(Duration.ofSeconds(5));
    reader.close();
  }

  @Test
  void an_open_older_transaction_holds_readers_back_until_it_commits() throws Exception {
    DomainEventStream first = deposits("acc-0", 0, 1);
    writer.append("acc-0", first);
    List<LoggedMessage> seen = new ArrayList<>(awaitMessages(Checkpoint.beginning(), 1));
    Checkpoint checkpoint = seen.get(0).checkpoint();
    DomainEventStream a = deposits("acc-a", 0, 2);
    DomainEventStream b = deposits("acc-b", 0, 1);

    try (Handle transactionA = jdbi.open()) {
      transactionA.begin();
      writer.append(transactionA, "acc-a", a);
      writer.append("acc-b", b); // commits, at a higher position than A's events

      assertThat(writer.read(checkpoint, 100)).as("B waits behind the open A").isEmpty();
      assertThat(writer.head()).isEqualTo(checkpoint);
      transactionA.commit();
    }

    seen.addAll(awaitMessages(checkpoint, 3));
    assertThat(seen)
        .extracting(LoggedMessage::message)
        .containsExactlyElementsOf(
            Stream.of(first, a, b).flatMap(DomainEventStream::stream).toList());
    assertThat(seen).extracting(LoggedMessage::checkpoint).isSorted().doesNotHaveDuplicates();
    assertThat(seen.get(1).position()).isLessThan(seen.get(3).position());
  }

  /**
   * Starts the reader listening, then has it wait up to 20 s for events after its head on another
   * thread, and returns once it waits for a wake-up.
   */
  private Future<Boolean> aReaderWaiting(JdbcEventStore reader) throws InterruptedException {
    Checkpoint head = reader.head();
    assertThat(reader.awaitEventsAfter(head, Duration.ofMillis(1))).isFalse(); // starts listening
    awaitTrue(this::theReaderListens, "the reader's listener has run LISTEN");
    var waiting = new AtomicReference<Thread>();
    Future<Boolean> woken =
        threads.submit(
            () -> {
              waiting.set(Thread.currentThread());
              return reader.awaitEventsAfter(head, Duration.ofSeconds(20));
            });
    awaitTrue(() -> waitsForAWakeup(waiting.get()), "the reader waits for a wake-up");
    return woken;
  }

  /** Reads from the checkpoint until at least the given number of events come, for up to 20 s. */
  private List<LoggedMessage> awaitMessages(Checkpoint after, int atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<LoggedMessage> read = writer.read(after, 100);
    while (read.size() < atLeast && System.nanoTime() < deadline) {
      writer.awaitEventsAfter(after, Duration.ofMillis(500));
      read = writer.read(after, 100);
    }
    assertThat(read).hasSizeGreaterThanOrEqualTo(atLeast);
    return read;
  }

  private boolean theReaderListens() {
    String listen = "LISTEN boulevard_" + table.toLowerCase(Locale.ROOT);
    return jdbi.withHandle(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE query = ? AND state = 'idle'")
                    .bind(0, listen)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  private static boolean waitsForAWakeup(Thread thread) {
    return thread != null
        && thread.getState() == Thread.State.TIMED_WAITING
        && Stream.of(thread.getStackTrace())
            .anyMatch(
                frame ->
                    frame.getClassName().equals(Wakeups.class.getName())
                        && frame.getMethodName().equals("awaitAfter"));
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
