package dev.boulevard.eventsourcing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.repository.AsOf;
import dev.boulevard.repository.TimeTravelRepository;
import dev.boulevard.snapshotting.contract.SnapshotAccount;
import dev.boulevard.snapshotting.contract.SnapshotAccount.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Loading aggregates as of a playhead or an instant: a store's test extends this class, returns a
 * new, empty store from {@link #createEventStore()}, and may put a repository of its own, such as a
 * snapshotting one, in front of the event-sourcing repository.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TimeTravelContract {

  /** The instant the first event is recorded at. */
  protected static final Instant START = Instant.parse("2026-03-04T05:06:07.000001Z");

  /** The time between two events: a second and a microsecond, to the stores' precision. */
  protected static final Duration STEP = Duration.ofSeconds(1).plusNanos(1_000);

  private final SettableClock clock = SettableClock.at(START);
  private final List<State> states = new ArrayList<>(); // index = playhead
  private TimeTravelRepository<SnapshotAccount> repository;

  /** {@return a new event store that holds no events; called before each test} */
  protected abstract EventStore createEventStore();

  /**
   * {@return the repository under test, in front of the event-sourcing one; that one unless
   * overridden}
   *
   * @param events the event-sourcing repository on the test's store
   */
  protected TimeTravelRepository<SnapshotAccount> repository(
      EventSourcingRepository<SnapshotAccount> events) {
    return events;
  }

  @BeforeEach
  void createRepository() {
    EventStore store = createEventStore();
    repository =
        repository(
            EventSourcingRepository.builder(
                    SnapshotAccount.class, store, AggregateFactory.of(SnapshotAccount::new))
                .clock(clock)
                .build());
  }

  /** Saves 25 events of account a-1, one per save, each STEP after the one before. */
  private void history() {
    var account = SnapshotAccount.open("a-1", "Zoë");
    for (int playhead = 0; playhead < 25; playhead++) {
      if (playhead > 0) {
        account = repository.load("a-1");
        account.deposit(playhead);
      }
      repository.save(account);
      states.add(account.snapshotState());
      clock.advance(STEP);
    }
  }

  private static Instant recordedOn(int playhead) {
    return START.plus(STEP.multipliedBy(playhead));
  }

  @Test
  void a_save_returns_the_last_playhead_it_stored_at_a_higher_position_than_the_save_before() {
    var account = SnapshotAccount.open("a-1", "Zoë");
    account.deposit(5);
    AppendResult opened = repository.save(account);
    account.deposit(7);
    account.withdraw(2);

    AppendResult moved = repository.save(account);

    assertThat(opened.aggregateId()).isEqualTo("a-1");
    assertThat(opened.lastPlayhead()).isEqualTo(1);
    assertThat(moved.lastPlayhead()).isEqualTo(3);
    assertThat(moved.position()).isGreaterThanOrEqualTo(opened.position() + 2);
    assertThat(opened.position()).isPositive();
  }

  @Test
  void a_save_without_new_events_returns_nothing() {
    repository.save(SnapshotAccount.open("a-1", "Zoë"));
    var account = repository.load("a-1");

    assertThat(repository.save(account)).isEqualTo(AppendResult.nothing("a-1"));
  }

  @Test
  void loads_an_aggregate_as_of_a_playhead_inclusive() {
    history();

    for (int playhead : List.of(0, 1, 9, 10, 18, 19, 20, 23, 24)) {
      SnapshotAccount then = repository.load("a-1", AsOf.playhead(playhead));

      assertThat(then.playhead()).isEqualTo(playhead);
      assertThat(then.snapshotState()).isEqualTo(states.get(playhead));
    }
  }

  @Test
  void as_of_a_playhead_past_the_last_event_is_the_aggregate_now() {
    history();

    SnapshotAccount then = repository.find("a-1", AsOf.playhead(1_000)).orElseThrow();

    assertThat(then.playhead()).isEqualTo(24);
    assertThat(then.snapshotState()).isEqualTo(repository.load("a-1").snapshotState());
  }

  @Test
  void loads_an_aggregate_as_of_an_instant_with_the_events_recorded_at_or_before_it() {
    history();

    for (int playhead : List.of(0, 5, 19, 20, 24)) {
      Instant at = recordedOn(playhead);
      SnapshotAccount exactly = repository.load("a-1", AsOf.instant(at));
      SnapshotAccount justAfter = repository.load("a-1", AsOf.instant(at.plusNanos(1_000)));

      assertThat(exactly.playhead()).isEqualTo(playhead);
      assertThat(exactly.snapshotState()).isEqualTo(states.get(playhead));
      assertThat(justAfter.snapshotState()).isEqualTo(states.get(playhead));
    }
    SnapshotAccount justBefore =
        repository.load("a-1", AsOf.instant(recordedOn(7).minusNanos(1_000)));
    assertThat(justBefore.playhead()).isEqualTo(6);
    assertThat(justBefore.snapshotState()).isEqualTo(states.get(6));
  }

  @Test
  void an_aggregate_is_not_found_before_its_first_event() {
    history();
    Instant before = START.minusNanos(1_000);

    assertThat(repository.find("a-1", AsOf.instant(before))).isEmpty();
    assertThatThrownBy(() -> repository.load("a-1", AsOf.instant(before)))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining("'a-1'")
        .hasMessageContaining("as of " + before);
  }

  @Test
  void an_unknown_aggregate_is_not_found_at_any_point() {
    assertThat(repository.find("nobody", AsOf.playhead(3))).isEmpty();
    assertThat(repository.find("nobody", AsOf.instant(START))).isEmpty();
    assertThatThrownBy(() -> repository.load("nobody", AsOf.playhead(3)))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining("'nobody' does not exist as of playhead 3");
  }

  @Test
  void saving_an_aggregate_loaded_as_of_an_earlier_point_fails_with_the_concurrency_failure() {
    history();
    SnapshotAccount then = repository.load("a-1", AsOf.playhead(20));

    then.deposit(1);

    assertThatThrownBy(() -> repository.save(then))
        .isInstanceOf(DuplicatePlayheadException.class)
        .hasMessageContaining("'a-1'");
    assertThat(repository.load("a-1").playhead()).isEqualTo(24);
  }

  @Test
  void saving_an_aggregate_loaded_as_of_its_last_event_appends_after_it() {
    history();
    SnapshotAccount then = repository.load("a-1", AsOf.instant(clock.instant()));

    then.deposit(1);
    repository.save(then);

    assertThat(repository.load("a-1").playhead()).isEqualTo(25);
  }

  @Test
  void refuses_a_negative_playhead() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AsOf.playhead(-1))
        .withMessageContaining("-1");
  }
}
