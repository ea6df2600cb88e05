package dev.boulevard.eventstore.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.FilteredBatch;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.InvalidEventStreamException;
import dev.boulevard.eventstore.LoggedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link GlobalEventLog} shares: a store's test extends this class and returns
 * a new, empty store from {@link #createStore()}.
 *
 * @param <S> the store's type, which stores events and logs them
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class GlobalEventLogContract<S extends EventStore & GlobalEventLog> {

  private S store;
  private final List<DomainMessage> appended = new ArrayList<>();

  /** {@return a new store that holds no events; called before each test} */
  protected abstract S createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void an_empty_log_reads_nothing_and_its_head_is_the_beginning() {
    assertThat(store.read(Checkpoint.beginning(), 10)).isEmpty();
    assertThat(store.head()).isEqualTo(Checkpoint.beginning());
  }

  @Test
  void logs_events_in_append_order_at_increasing_positions_above_zero() {
    appendAcrossAggregates(3);

    var logged = store.read(Checkpoint.beginning(), 100);

    assertThat(logged).extracting(LoggedMessage::message).containsExactlyElementsOf(appended);
    assertThat(logged.get(0).position()).isPositive();
    for (int i = 1; i < logged.size(); i++) {
      assertThat(logged.get(i).position()).isGreaterThan(logged.get(i - 1).position());
      assertThat(logged.get(i).checkpoint()).isGreaterThan(logged.get(i - 1).checkpoint());
    }
  }

  @Test
  void an_append_returns_the_checkpoint_at_which_the_log_reads_its_last_event() {
    append("a", deposits("a", 0, 1));
    var stream = deposits("b", 0, 3);

    var appended = store.append("b", stream);

    var logged = store.read(Checkpoint.beginning(), 100);
    assertThat(appended.checkpoint()).isEqualTo(logged.get(logged.size() - 1).checkpoint());
    assertThat(store.checkpointAt(appended.position())).contains(appended.checkpoint());
  }

  @Test
  void reads_only_the_events_after_the_checkpoint() {
    appendAcrossAggregates(3);
    var third = store.read(Checkpoint.beginning(), 3).get(2);

    var rest = store.read(third.checkpoint(), 100);

    assertThat(rest)
        .extracting(LoggedMessage::message)
        .containsExactlyElementsOf(appended.subList(3, appended.size()));
  }

  @Test
  void reads_in_batches_of_the_limit_and_resuming_reads_every_event_once() {
    appendAcrossAggregates(4);
    var batchSizes = new ArrayList<Integer>();
    var read = new ArrayList<DomainMessage>();
    var checkpoint = Checkpoint.beginning();

    var batch = store.read(checkpoint, 3);
    while (!batch.isEmpty() && read.size() <= appended.size()) {
      batchSizes.add(batch.size());
      batch.forEach(logged -> read.add(logged.message()));
      checkpoint = batch.get(batch.size() - 1).checkpoint();
      batch = store.read(checkpoint, 3);
    }

    assertThat(batchSizes).containsExactly(3, 3, 3, 3, 3, 1);
    assertThat(read).containsExactlyElementsOf(appended);
  }

  @Test
  void a_filtered_read_keeps_the_aggregates_it_takes_and_goes_past_the_others() {
    appendAcrossAggregates(4);
    List<LoggedMessage> all = readAllAfter(Checkpoint.beginning());
    var kept = new ArrayList<DomainMessage>();
    var checkpoint = Checkpoint.beginning();
    var entries = new ArrayList<Integer>();

    FilteredBatch batch = store.read(checkpoint, 5, id -> id.equals("b"));
    while (batch.entries() > 0 && entries.size() <= all.size()) {
      entries.add(batch.entries());
      batch.events().forEach(logged -> kept.add(logged.message()));
      assertThat(batch.readTo()).isIn(all.stream().map(LoggedMessage::checkpoint).toList());
      checkpoint = batch.readTo();
      batch = store.read(checkpoint, 5, id -> id.equals("b"));
    }

    assertThat(entries).containsExactly(5, 5, 5, 1); // every entry is gone past, kept or not
    assertThat(checkpoint).isEqualTo(all.get(all.size() - 1).checkpoint());
    assertThat(kept)
        .containsExactlyElementsOf(
            appended.stream().filter(m -> m.aggregateId().equals("b")).toList());
    assertThat(batch.events()).isEmpty();
    assertThat(batch.readTo()).isEqualTo(checkpoint); // nothing read: where it started
  }

  @Test
  void a_filtered_read_that_keeps_nothing_still_goes_past_the_entries() {
    appendAcrossAggregates(2);

    FilteredBatch batch = store.read(Checkpoint.beginning(), 3, id -> false);

    assertThat(batch.events()).isEmpty();
    assertThat(batch.entries()).isEqualTo(3);
    assertThat(batch.readTo()).isEqualTo(readAllAfter(Checkpoint.beginning()).get(2).checkpoint());
  }

  @Test
  void streams_what_reading_in_batches_returns() {
    appendAcrossAggregates(4);
    var all = readAllAfter(Checkpoint.beginning());
    var middle = all.get(4).checkpoint();

    try (var everything = store.stream(Checkpoint.beginning())) {
      assertThat(everything.limit(all.size() + 1L).toList()).isEqualTo(all);
    }
    try (var rest = store.stream(middle)) {
      assertThat(rest.limit(all.size() + 1L).toList()).isEqualTo(all.subList(5, all.size()));
    }
    try (var nothing = store.stream(store.head())) {
      assertThat(nothing.limit(1).toList()).isEmpty();
    }
  }

  @Test
  void the_head_is_the_checkpoint_of_the_last_event() {
    appendAcrossAggregates(2);

    var all = readAllAfter(Checkpoint.beginning());

    assertThat(store.head()).isEqualTo(all.get(all.size() - 1).checkpoint());
    assertThat(store.read(store.head(), 10)).isEmpty();
  }

  @Test
  void finds_the_checkpoint_of_each_logged_position_and_nothing_beyond_the_head() {
    appendAcrossAggregates(2);

    for (LoggedMessage logged : readAllAfter(Checkpoint.beginning())) {
      assertThat(store.checkpointAt(logged.position())).contains(logged.checkpoint());
    }
    assertThat(store.checkpointAt(store.head().position() + 1)).isEmpty();
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> store.checkpointAt(0))
        .withMessageContaining("position 0");
  }

  @Test
  void a_failed_append_leaves_no_event_in_the_log() {
    store.append("a", deposits("a", 0, 2));
    var head = store.head();

    assertThatExceptionOfType(DuplicatePlayheadException.class)
        .isThrownBy(() -> store.append("a", deposits("a", 1, 3)));
    assertThatExceptionOfType(InvalidEventStreamException.class)
        .isThrownBy(() -> store.append("b", deposits("a", 0, 1)));

    assertThat(store.read(head, 10)).isEmpty();
    assertThat(store.head()).isEqualTo(head);
    assertThat(store.read(Checkpoint.beginning(), 10)).hasSize(2);
  }

  @Test
  void waiting_ends_at_once_when_events_follow_the_checkpoint() throws InterruptedException {
    store.append("a", deposits("a", 0, 1));

    assertThat(store.awaitEventsAfter(Checkpoint.beginning(), Duration.ofSeconds(20))).isTrue();
  }

  @Test
  @Timeout(60)
  void waiting_ends_promptly_when_another_thread_appends() throws Exception {
    store.append("a", deposits("a", 0, 1));
    var head = store.head();
    var answer = new CompletableFuture<Boolean>();
    var waiter = new Thread(() -> awaitInto(answer, head, Duration.ofSeconds(20)), "waiter");
    waiter.start();
    try {
      awaitBlocked(waiter);
      long appendedAt = System.nanoTime();
      store.append("b", deposits("b", 0, 1));

      assertThat(answer.get(20, SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - appendedAt))
          .isLessThan(Duration.ofSeconds(5));
    } finally {
      waiter.interrupt();
      waiter.join(SECONDS.toMillis(10));
    }
  }

  @Test
  void waiting_gives_up_after_the_timeout_when_nothing_is_appended() throws InterruptedException {
    assertThat(waitsInVain(Checkpoint.beginning())).isTrue();
    store.append("a", deposits("a", 0, 1));
    assertThat(waitsInVain(store.head())).isTrue();
  }

  @Test
  @Timeout(120)
  void a_reader_tailing_concurrent_writers_reads_every_event_once_in_order() throws Exception {
    var tail = new ConcurrentTail<>(store, 4, 200);

    var read = tail.run();

    assertThat(read).hasSize(4 * 200);
    tail.written()
        .forEach(
            (aggregateId, written) ->
                assertThat(read)
                    .filteredOn(message -> message.aggregateId().equals(aggregateId))
                    .containsExactlyElementsOf(written));
    assertThat(store.read(store.head(), 10)).isEmpty();
  }

  /** Appends rounds of a two-event stream to "a", then one event to "b", then one to "a-b". */
  private void appendAcrossAggregates(int rounds) {
    for (int round = 0; round < rounds; round++) {
      append("a", deposits("a", 2L * round, 2));
      append("b", deposits("b", round, 1));
      append("a-b", deposits("a-b", round, 1));
    }
  }

  private void append(String aggregateId, DomainEventStream stream) {
    store.append(aggregateId, stream);
    appended.addAll(stream.messages());
  }

  private List<LoggedMessage> readAllAfter(Checkpoint checkpoint) {
    var all = new ArrayList<LoggedMessage>();
    var batch = store.read(checkpoint, 2);
    while (!batch.isEmpty() && all.size() <= appended.size()) { // bounded, should a read repeat
      all.addAll(batch);
      checkpoint = batch.get(batch.size() - 1).checkpoint();
      batch = store.read(checkpoint, 2);
    }
    return all;
  }

  private boolean waitsInVain(Checkpoint after) throws InterruptedException {
    long started = System.nanoTime();
    boolean answer = store.awaitEventsAfter(after, Duration.ofMillis(50));
    var waited = Duration.ofNanos(System.nanoTime() - started);
    return !answer && waited.compareTo(Duration.ofMillis(40)) >= 0;
  }

  private void awaitInto(CompletableFuture<Boolean> answer, Checkpoint after, Duration timeout) {
    try {
      answer.complete(store.awaitEventsAfter(after, timeout));
    } catch (InterruptedException | RuntimeException failure) {
      answer.completeExceptionally(failure);
    }
  }

  /** Spins until the thread blocks, or for two seconds if it waits without blocking (on I/O). */
  private static void awaitBlocked(Thread thread) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < deadline) {
      var state = thread.getState();
      if (state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING
          || state == Thread.State.TERMINATED) {
        return;
      }
      Thread.onSpinWait();
    }
  }
}
