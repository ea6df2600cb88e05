package dev.boulevard.snapshotting.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.repository.AsOf;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotFormat;
import dev.boulevard.snapshotting.SnapshotPolicy;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.SnapshottingRepository;
import dev.boulevard.snapshotting.StoredSnapshot;
import dev.boulevard.snapshotting.contract.SnapshotAccount.State;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The snapshotting repository on a store's events and snapshots: a store's test extends this class
 * and returns new, empty stores, the snapshot store working with the given event store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SnapshottingRepositoryContract {

  /** The snapshot format version the repositories of these tests declare. */
  protected static final int VERSION = 2;

  private final SettableClock clock = SettableClock.standingStill();
  private EventStore eventStore;
  private SnapshotStore snapshots;
  private EventSourcingRepository<SnapshotAccount> events;

  /** {@return a new event store that holds no events; called before each test} */
  protected abstract EventStore createEventStore();

  /**
   * {@return a new snapshot store that holds no snapshots, for aggregates of the given event store}
   */
  protected abstract SnapshotStore createSnapshotStore(EventStore eventStore);

  @BeforeEach
  void createEmptyStores() {
    eventStore = createEventStore();
    snapshots = createSnapshotStore(eventStore);
    events =
        EventSourcingRepository.builder(
                SnapshotAccount.class, eventStore, AggregateFactory.of(SnapshotAccount::new))
            .clock(clock)
            .build();
  }

  /** {@return the snapshot store of the running test} */
  protected final SnapshotStore snapshotStore() {
    return snapshots;
  }

  /** {@return a repository on the running test's stores, snapshotting every ten events} */
  protected final SnapshottingRepository<SnapshotAccount, State> repository() {
    return repository(snapshots, SnapshotAccount.format(VERSION));
  }

  private SnapshottingRepository<SnapshotAccount, State> repository(
      SnapshotStore store, SnapshotFormat<SnapshotAccount, State> format) {
    return SnapshottingRepository.of(events, store, format, SnapshotPolicy.everyEvents(10));
  }

  /** Saves an account with the given number of events, one save per event. */
  protected final void history(String id, int count) {
    var repository = repository();
    repository.save(SnapshotAccount.open(id, "Zoë"));
    for (int i = 1; i < count; i++) {
      SnapshotAccount account = repository.load(id);
      if (i % 4 == 3) {
        account.withdraw(i);
      } else {
        account.deposit(i * 10L);
      }
      repository.save(account);
    }
  }

  @Test
  void snapshot_and_tail_replay_to_the_state_and_playhead_of_all_events() {
    history("a-1", 25);

    SnapshotAccount fromSnapshot = repository().load("a-1");

    SnapshotAccount replayed = events.load("a-1");
    assertThat(snapshots.latest("a-1").orElseThrow().playhead()).isEqualTo(19);
    assertThat(fromSnapshot.snapshotState()).isEqualTo(replayed.snapshotState());
    assertThat(fromSnapshot.playhead()).isEqualTo(replayed.playhead()).isEqualTo(24);
  }

  @Test
  void loads_from_the_snapshot_and_the_events_after_it() {
    history("a-1", 12);
    snapshots.save(new Snapshot<>("a-1", 9, VERSION, new State("a-1", "marked", 1_000, List.of())));

    SnapshotAccount account = repository().load("a-1");

    assertThat(account.snapshotState())
        .isEqualTo(new State("a-1", "marked", 1_000 + 100 - 11, List.of(100L, -11L)));
    assertThat(account.playhead()).isEqualTo(11);
  }

  @Test
  void takes_a_snapshot_each_time_the_event_count_passes_a_multiple_of_ten() {
    var repository = repository();
    var account = SnapshotAccount.open("a-1", "Zoë");
    for (int i = 1; i < 9; i++) {
      account.deposit(i);
    }
    repository.save(account);
    assertThat(snapshots.latest("a-1")).isEmpty();

    account.deposit(9);
    repository.save(account);
    assertThat(snapshots.latest("a-1").orElseThrow().playhead()).isEqualTo(9);

    for (int i = 10; i < 25; i++) {
      account.deposit(i);
    }
    repository.save(account);
    assertThat(snapshots.latest("a-1").orElseThrow().playhead()).isEqualTo(24);
    assertThat(snapshots.latest("a-1").orElseThrow().read(State.class).state())
        .isEqualTo(account.snapshotState());
  }

  @Test
  void ignores_a_snapshot_of_an_older_version_and_replaces_it_after_replaying() {
    history("a-1", 12);
    snapshots.save(
        new Snapshot<>("a-1", 11, VERSION - 1, new State("a-1", "misread", 9, List.of())));

    SnapshotAccount account = repository().load("a-1");

    assertThat(account.snapshotState()).isEqualTo(events.load("a-1").snapshotState());
    StoredSnapshot renewed = snapshots.latest("a-1").orElseThrow();
    assertThat(renewed.version()).isEqualTo(VERSION);
    assertThat(renewed.read(State.class).state()).isEqualTo(account.snapshotState());
  }

  @Test
  void ignores_a_snapshot_whose_state_does_not_read_as_the_state_class() {
    history("a-1", 12);
    snapshots.save(new Snapshot<>("a-1", 11, VERSION, new OtherState(3)));

    SnapshotAccount account = repository().load("a-1");

    assertThat(account.snapshotState()).isEqualTo(events.load("a-1").snapshotState());
    assertThat(account.playhead()).isEqualTo(11);
  }

  @Test
  void ignores_a_snapshot_that_the_format_does_not_restore_a_fresh_aggregate_from() {
    history("a-1", 12);
    var careless =
        SnapshotFormat.<SnapshotAccount, State>of(
            State.class, VERSION, state -> SnapshotAccount.open(state.account(), state.owner()));

    SnapshotAccount account = repository(snapshots, careless).load("a-1");

    assertThat(account.snapshotState()).isEqualTo(events.load("a-1").snapshotState());
    assertThat(account.uncommittedEvents()).isEmpty();
  }

  @Test
  void saving_after_loading_from_a_snapshot_appends_at_the_next_playhead() {
    history("a-1", 12);
    SnapshotAccount account = repository().load("a-1");

    account.deposit(5);
    repository().save(account);

    assertThat(eventStore.load("a-1").messages())
        .extracting(DomainMessage::playhead)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(repository().load("a-1").snapshotState())
        .isEqualTo(events.load("a-1").snapshotState());
  }

  @Test
  void a_second_writer_loaded_from_the_same_snapshot_gets_the_concurrency_failure() {
    history("a-1", 12);
    SnapshotAccount first = repository().load("a-1");
    SnapshotAccount second = repository().load("a-1");
    first.deposit(1);
    repository().save(first);

    second.deposit(2);

    assertThatThrownBy(() -> repository().save(second))
        .isInstanceOf(DuplicatePlayheadException.class)
        .hasMessageContaining("'a-1'");
    assertThat(second.uncommittedEvents()).hasSize(1);
  }

  @Test
  void a_snapshot_that_fails_to_save_does_not_fail_the_save() {
    var failing = new FailingSnapshotStore(snapshots);
    var repository = repository(failing, SnapshotAccount.format(VERSION));
    var account = SnapshotAccount.open("a-1", "Zoë");
    for (int i = 1; i < 10; i++) {
      account.deposit(i);
    }

    repository.save(account);

    assertThat(failing.attempts()).isEqualTo(1);
    assertThat(account.uncommittedEvents()).isEmpty();
    assertThat(eventStore.load("a-1").size()).isEqualTo(10);
    assertThat(snapshots.latest("a-1")).isEmpty();
    assertThat(repository.load("a-1").snapshotState()).isEqualTo(account.snapshotState());
  }

  @Test
  void a_policy_that_fails_does_not_fail_the_save() {
    SnapshotPolicy<SnapshotAccount> failing =
        (account, before, added) -> {
          throw new IllegalStateException("policy broke");
        };
    var repository =
        SnapshottingRepository.of(events, snapshots, SnapshotAccount.format(VERSION), failing);

    repository.save(SnapshotAccount.open("a-1", "Zoë"));

    assertThat(eventStore.load("a-1").size()).isEqualTo(1);
    assertThat(snapshots.latest("a-1")).isEmpty();
  }

  @Test
  void time_travel_uses_the_snapshot_only_when_it_is_at_or_before_the_playhead() {
    history("a-1", 25);
    State replayedAt18 = events.load("a-1", AsOf.playhead(18)).snapshotState();
    snapshots.save(new Snapshot<>("a-1", 19, VERSION, new State("a-1", "marked", 7, List.of())));

    SnapshotAccount at22 = repository().load("a-1", AsOf.playhead(22));

    assertThat(at22.snapshotState())
        .isEqualTo(new State("a-1", "marked", 7 + 630, List.of(200L, 210L, 220L)));
    assertThat(at22.playhead()).isEqualTo(22);
    assertThat(repository().load("a-1", AsOf.playhead(18)).snapshotState()).isEqualTo(replayedAt18);
    assertThat(repository().load("a-1", AsOf.instant(clock.instant())).snapshotState().owner())
        .isEqualTo("Zoë");
  }

  @Test
  void an_unknown_aggregate_is_not_found() {
    assertThat(repository().find("nobody")).isEmpty();
    assertThatThrownBy(() -> repository().load("nobody"))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining("'nobody'");
  }

  @Test
  void an_aggregate_without_a_snapshot_loads_from_its_events() {
    history("a-1", 5);

    Optional<SnapshotAccount> account = repository().find("a-1");

    assertThat(snapshots.latest("a-1")).isEmpty();
    assertThat(account.orElseThrow().snapshotState()).isEqualTo(events.load("a-1").snapshotState());
  }
}
