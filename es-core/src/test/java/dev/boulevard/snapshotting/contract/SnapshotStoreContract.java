package dev.boulevard.snapshotting.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.StoredSnapshot;
import dev.boulevard.snapshotting.UnreadableSnapshotException;
import dev.boulevard.snapshotting.contract.SnapshotAccount.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link SnapshotStore} shares: a store's test extends this class and returns a
 * new, empty store from {@link #createStore()}; the store must be able to keep {@link
 * SnapshotAccount.State} and {@link OtherState}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SnapshotStoreContract {

  private SnapshotStore store;

  /** {@return a new store that holds no snapshots; called before each test} */
  protected abstract SnapshotStore createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void finds_no_snapshot_of_an_aggregate_without_one() {
    assertThat(store.latest("nobody")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a\nb", "a\u0000"})
  void refuses_to_look_up_a_blank_id_or_one_with_a_control_character(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.latest(id))
        .withMessageContaining("aggregate id");
  }

  @Test
  void returns_a_saved_snapshot_with_its_place_version_and_state() {
    var snapshot = snapshot("a-1", 41, 3, 500);

    store.save(snapshot);

    StoredSnapshot stored = store.latest("a-1").orElseThrow();
    assertThat(stored.aggregateId()).isEqualTo("a-1");
    assertThat(stored.playhead()).isEqualTo(41);
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.read(State.class)).isEqualTo(snapshot);
  }

  @Test
  void a_snapshot_at_a_higher_playhead_replaces_the_stored_one() {
    store.save(snapshot("a-1", 10, 1, 100));
    var later = snapshot("a-1", 20, 1, 200);

    store.save(later);

    assertThat(store.latest("a-1").orElseThrow().read(State.class)).isEqualTo(later);
  }

  @Test
  void keeps_the_stored_snapshot_when_one_at_a_lower_playhead_is_saved() {
    var later = snapshot("a-1", 20, 1, 200);
    store.save(later);

    store.save(snapshot("a-1", 10, 2, 100));

    assertThat(store.latest("a-1").orElseThrow().read(State.class)).isEqualTo(later);
  }

  @Test
  void a_snapshot_of_a_new_version_at_the_same_playhead_replaces_the_stored_one() {
    store.save(snapshot("a-1", 20, 1, 200));
    var renewed = snapshot("a-1", 20, 2, 201);

    store.save(renewed);

    assertThat(store.latest("a-1").orElseThrow().version()).isEqualTo(2);
    assertThat(store.latest("a-1").orElseThrow().read(State.class)).isEqualTo(renewed);
  }

  @Test
  void tells_the_version_without_reading_the_state() {
    store.save(new Snapshot<>("a-1", 7, 1, new OtherState(5)));

    StoredSnapshot stored = store.latest("a-1").orElseThrow();

    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.playhead()).isEqualTo(7);
    assertThat(stored.read(OtherState.class).state()).isEqualTo(new OtherState(5));
  }

  @Test
  void reading_a_state_as_a_class_it_is_not_fails_naming_the_snapshot() {
    store.save(snapshot("a-1", 7, 4, 70));

    assertThatThrownBy(() -> store.latest("a-1").orElseThrow().read(OtherState.class))
        .isInstanceOf(UnreadableSnapshotException.class)
        .hasMessageContaining("'a-1'")
        .hasMessageContaining("playhead 7")
        .hasMessageContaining("version 4")
        .hasMessageContaining(OtherState.class.getName());
  }

  @Test
  void keeps_aggregates_apart_when_ids_differ_in_case_prefix_or_trailing_space() {
    var ids = List.of("a", "aa", "A", "a ", "a-1");
    for (int i = 0; i < ids.size(); i++) {
      store.save(snapshot(ids.get(i), i, 1, i * 10L));
    }

    for (int i = 0; i < ids.size(); i++) {
      assertThat(store.latest(ids.get(i)).orElseThrow().read(State.class))
          .isEqualTo(snapshot(ids.get(i), i, 1, i * 10L));
    }
  }

  @Test
  void keeps_unicode_ids_and_states_unchanged() {
    var id = "konto-Ärger-日本-🚀";
    var snapshot =
        new Snapshot<>(id, 3, 1, new State(id, "Zoë 𝄞 \"quoted\" \\ ñandú", 12, List.of(5L, 7L)));

    store.save(snapshot);

    assertThat(store.latest(id).orElseThrow().read(State.class)).isEqualTo(snapshot);
  }

  @Test
  @Timeout(60)
  void of_snapshots_saved_at_once_the_one_with_the_highest_playhead_stays() throws Exception {
    int threads = 8;
    var barrier = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var saves = new ArrayList<Future<?>>();
      for (int thread = 0; thread < threads; thread++) {
        int first = thread;
        saves.add(
            pool.submit(
                () -> {
                  barrier.await(30, TimeUnit.SECONDS);
                  for (long playhead = first; playhead < 400; playhead += threads) {
                    store.save(snapshot("raced", playhead, 1, playhead));
                  }
                  return null;
                }));
      }
      for (Future<?> save : saves) {
        save.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.latest("raced").orElseThrow().read(State.class))
        .isEqualTo(snapshot("raced", 399, 1, 399));
  }

  private static Snapshot<State> snapshot(String id, long playhead, int version, long balance) {
    return new Snapshot<>(
        id, playhead, version, new State(id, "owner of " + id, balance, List.of(balance)));
  }
}
