package dev.boulevard.readmodel.saga;

import static dev.boulevard.eventstore.contract.ContractMessages.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.saga.AccountWatch.Welcome;
import dev.boulevard.readmodel.spi.OutboxEntry;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.serializer.EventTypeRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The saga runtime's behaviour, run on each storage by the tests that extend this class. */
abstract class SagasCases extends SagasTestCase {

  @Test
  void dispatches_each_event_s_commands_once_across_a_restart() throws Exception {
    open("a");
    depositMany("a", 1, 40);
    Sagas first = started(env.sagas(bus).add(watch()).clock(clock).batchSize(5));
    eventually(() -> dispatched.size() >= 10, "the first commands");
    first.close();
    depositMany("a", 41, 20);

    Sagas second = started(env.sagas(bus).add(watch()).clock(clock).batchSize(5));
    caughtUp(second, 61);
    eventually(() -> dispatched.size() >= 61, "61 commands");
    eventually(() -> second.scheduled().size() == 1, "only the review left in the outbox");

    assertThat(dispatched).hasSize(61).doesNotHaveDuplicates().startsWith(welcome("a"));
    assertThat(dispatched.subList(1, 61))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 60).mapToObj(p -> thank("a", p)).toList());
    assertThat(second.state(watch(), "a")).contains(watch("a", 60));
    assertThat(second.scheduled()).extracting(OutboxEntry::key).containsExactly("review");
  }

  @Test
  void a_deadline_survives_a_restart_and_fires_once_the_clock_passes_it() throws Exception {
    open("a");
    Sagas first = started();
    caughtUp(first, 1);
    eventually(() -> first.scheduled().size() == 1, "the welcome's removal from the outbox");
    assertThat(dispatched).containsExactly(welcome("a"));
    assertThat(first.scheduled())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.process()).isEqualTo(env.process);
              assertThat(entry.correlation()).isEqualTo("a");
              assertThat(entry.key()).isEqualTo("review");
              assertThat(entry.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
              assertThat(entry.commandType()).isEqualTo("watch.review");
              assertThat(entry.command()).isEqualTo("{\"account\":\"a\"}");
              assertThat(entry.attempts()).isZero();
            });
    first.close();

    clock.advance(Duration.ofHours(23));
    Sagas second = started();
    assertThat(second.dispatchDue()).isZero();
    assertThat(dispatched).containsExactly(welcome("a"));

    clock.advance(Duration.ofHours(1));
    eventually(() -> count(review("a")) == 1, "the review");
    eventually(() -> second.scheduled().isEmpty(), "an empty outbox");
    assertThat(second.dispatchDue()).isZero();
    assertThat(dispatched).containsExactly(welcome("a"), review("a"));
  }

  @Test
  void a_cancelled_deadline_never_fires() throws Exception {
    open("a");
    append("a", 1, deposited("a", 1000));
    Sagas sagas = started();
    caughtUp(sagas, 2);
    eventually(() -> sagas.scheduled().isEmpty(), "the thanks, and no review");
    clock.advance(Duration.ofDays(2));
    sagas.dispatchDue();
    assertThat(dispatched).containsExactly(welcome("a"), thank("a", 1));
  }

  @Test
  void a_failing_command_is_retried_with_backoff_then_kept_until_released() throws Exception {
    failOn = command -> command instanceof Welcome;
    open("a");
    Sagas sagas =
        started(
            env.sagas(bus)
                .add(watch())
                .clock(clock)
                .pollInterval(Duration.ofMillis(20))
                .delivery(new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10))));
    caughtUp(sagas, 1);
    eventually(() -> attemptsOf(welcome("a")) == 1, "the first attempt");
    sagas.dispatchDue();
    assertThat(attemptsOf(welcome("a"))).as("no retry before the pause").isEqualTo(1);
    OutboxEntry waiting =
        sagas.scheduled().stream().filter(e -> e.key() == null).findFirst().orElseThrow();
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(waiting.lastError()).contains("refused Welcome[account=a]");

    clock.advance(Duration.ofMinutes(1));
    eventually(() -> attemptsOf(welcome("a")) == 2, "the second attempt");
    clock.advance(Duration.ofMinutes(2));
    eventually(() -> sagas.failed().size() == 1, "the command to be kept");

    OutboxEntry kept = sagas.failed().get(0);
    assertThat(kept.attempts()).isEqualTo(3);
    assertThat(kept.commandType()).isEqualTo("watch.welcome");
    assertThat(kept.lastError()).contains("refused Welcome[account=a]");
    clock.advance(Duration.ofDays(2));
    eventually(() -> sagas.scheduled().isEmpty(), "the review, which is not held up");
    assertThat(dispatched).containsExactly(review("a"));
    assertThat(attemptsOf(welcome("a"))).isEqualTo(3);

    failOn = command -> false;
    assertThat(sagas.retry(kept.id())).isTrue();
    assertThat(sagas.retry(kept.id() + 1000)).isFalse();
    eventually(() -> count(welcome("a")) == 1, "the released welcome");
    eventually(() -> sagas.failed().isEmpty() && sagas.scheduled().isEmpty(), "an empty outbox");
  }

  @Test
  void processes_of_two_correlations_are_independent() throws Exception {
    open("a");
    open("b");
    append("a", 1, deposited("a", 5));
    append("a", 2, withdrawn("a", 1));
    Sagas sagas = started();
    caughtUp(sagas, 4);
    eventually(() -> dispatched.size() == 3, "two welcomes and a thanks");
    eventually(() -> sagas.scheduled().size() == 1, "their removal from the outbox");

    assertThat(sagas.state(watch(), "a")).isEmpty();
    assertThat(sagas.state(watch(), "b")).contains(watch("b", 0));
    assertThat(sagas.scheduled()).extracting(OutboxEntry::correlation).containsExactly("b");
    clock.advance(Duration.ofDays(1));
    eventually(() -> count(review("b")) == 1, "b's review");
    assertThat(sagas.dispatchDue()).isZero();
    assertThat(count(review("a"))).isZero();
  }

  @Test
  void concurrent_events_on_many_correlations_are_each_handled_once() throws Exception {
    Sagas sagas = started();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Void>> done =
          IntStream.range(0, 8)
              .mapToObj(
                  w ->
                      writers.submit(
                          () -> {
                            for (int i = 0; i < 5; i++) {
                              String account = "w" + w + "_" + i;
                              open(account);
                              depositMany(account, 1, 10);
                            }
                            return (Void) null;
                          }))
              .toList();
      for (Future<Void> writer : done) {
        writer.get();
      }
    } finally {
      writers.shutdown();
    }
    caughtUp(sagas, 440);
    eventually(() -> dispatched.size() >= 440, "440 commands");
    eventually(() -> sagas.scheduled().size() == 40, "only the reviews left in the outbox");

    assertThat(dispatched).hasSize(440);
    assertThat(new HashSet<>(dispatched)).hasSize(440);
    for (int w = 0; w < 8; w++) {
      for (int i = 0; i < 5; i++) {
        assertThat(sagas.state(watch(), "w" + w + "_" + i)).contains(watch("w" + w + "_" + i, 10));
      }
    }
  }

  @Test
  void an_event_the_process_manager_fails_on_parks_it_and_writes_nothing() throws Exception {
    open("a");
    append("a", 1, deposited("a", -5));
    Sagas sagas = started();
    eventually(() -> parked(sagas), "the park");

    assertThat(sagas.status().get(0).lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("negative deposit -5"));
    assertThat(sagas.state(watch(), "a")).contains(watch("a", 0));
    eventually(() -> sagas.scheduled().size() == 1, "the welcome's removal from the outbox");
    assertThat(sagas.scheduled()).extracting(OutboxEntry::key).containsExactly("review");
    sagas.skip(env.process, "a bad deposit");
    append("a", 2, deposited("a", 666));
    // The park's own error, not status() twice: the old park and the new error can both show
    // while the skip is being applied and the next event is failing.
    eventually(
        () ->
            sagas
                .status()
                .get(0)
                .parked()
                .map(ParkedEvent::error)
                .orElse("")
                .contains("is not registered"),
        "the park at the unregistered command");

    assertThat(sagas.state(watch(), "a")).contains(watch("a", 0));
    sagas.skip(env.process, "an unregistered command");
    append("a", 3, deposited("a", 3));
    caughtUp(sagas, 4);
    eventually(() -> count(thank("a", 3)) == 1, "the thanks");
    assertThat(sagas.state(watch(), "a")).contains(watch("a", 1));
    assertThat(dispatched).containsExactly(welcome("a"), thank("a", 3));
  }

  @Test
  void a_stored_command_whose_type_is_no_longer_registered_is_kept_at_once() throws Exception {
    open("a");
    Sagas first = started();
    caughtUp(first, 1);
    eventually(() -> first.scheduled().size() == 1, "the welcome's delivery");
    first.close();
    var withoutReview =
        EventTypeRegistry.builder()
            .register("watch.welcome", Welcome.class)
            .register("watch.thank", AccountWatch.Thank.class)
            .build();

    Sagas second =
        started(
            env.sagas(bus, withoutReview)
                .add(watch())
                .clock(clock)
                .pollInterval(Duration.ofMillis(20)));
    clock.advance(Duration.ofDays(1));
    eventually(() -> second.failed().size() == 1, "the review to be kept");

    OutboxEntry kept = second.failed().get(0);
    assertThat(kept.attempts()).isEqualTo(1);
    assertThat(kept.lastError())
        .contains("command type 'watch.review'")
        .contains("registry does not know");
    assertThat(second.scheduled()).isEmpty();
    assertThat(dispatched).containsExactly(welcome("a"));
  }

  long attemptsOf(Object command) {
    return attempted.stream().filter(command::equals).count();
  }
}
