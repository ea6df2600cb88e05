package dev.boulevard.eventstore.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStreamNotFoundException;
import dev.boulevard.eventstore.InvalidEventStreamException;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link EventStore} shares: a store's test extends this class and returns a
 * new, empty store from {@link #createStore()}.
 *
 * <p>An append must continue the stored stream: its first playhead is the stored stream's last plus
 * one, or 0 for a new aggregate. A lower one is taken (a concurrency failure), a higher one leaves
 * a gap (a malformed stream).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class EventStoreContract {

  private EventStore store;

  /** {@return a new store that holds no events; called before each test} */
  protected abstract EventStore createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void stores_a_new_stream_and_loads_it_back_equal() {
    var metadata =
        Metadata.of("user", "alice").with("correlation_id", UUID.randomUUID().toString());
    var stream =
        DomainEventStream.of(
            new DomainMessage(
                UUID.randomUUID(),
                "account-1",
                0,
                metadata,
                new Opened("account-1", "Alice"),
                Instant.parse("2026-02-03T04:05:06.000001Z")),
            new DomainMessage(
                UUID.randomUUID(),
                "account-1",
                1,
                Metadata.empty(),
                new Deposited("account-1", 100),
                Instant.parse("2026-02-03T04:05:06.999999Z")),
            new DomainMessage(
                UUID.randomUUID(),
                "account-1",
                2,
                metadata.with("user", "bob"),
                new Withdrawn("account-1", 30),
                Instant.parse("1999-12-31T23:59:59.500000Z")));

    store.append("account-1", stream);

    assertThat(store.load("account-1")).isEqualTo(stream);
  }

  @Test
  void appends_to_an_existing_stream() {
    var first = deposits("account-1", 0, 2);
    var second = deposits("account-1", 2, 3);
    store.append("account-1", first);

    store.append("account-1", second);

    assertThat(store.load("account-1").messages())
        .containsExactlyElementsOf(concat(first, second).messages());
  }

  @Test
  void an_append_returns_the_aggregate_and_its_last_playhead() {
    AppendResult first = store.append("account-1", deposits("account-1", 0, 3));
    AppendResult second = store.append("account-1", deposits("account-1", 3, 1));

    assertThat(first.aggregateId()).isEqualTo("account-1");
    assertThat(first.lastPlayhead()).isEqualTo(2);
    assertThat(first.position()).isPositive();
    assertThat(first.isEmpty()).isFalse();
    assertThat(second.lastPlayhead()).isEqualTo(3);
  }

  @Test
  void each_append_returns_a_position_past_the_previous_one_by_at_least_its_events() {
    var streams =
        List.of(
            deposits("account-1", 0, 2),
            deposits("account-2", 0, 1),
            deposits("account-2", 1, 150), // more rows than one INSERT statement carries
            deposits("account-1", 2, 1));
    long previous = 0;

    for (DomainEventStream stream : streams) {
      String aggregateId = stream.messages().get(0).aggregateId();
      long position = store.append(aggregateId, stream).position();

      assertThat(position).isGreaterThanOrEqualTo(previous + stream.size());
      previous = position;
    }
  }

  @Test
  void an_append_of_nothing_returns_nothing_for_the_aggregate() {
    store.append("account-1", deposits("account-1", 0, 2));

    assertThat(store.append("account-1", DomainEventStream.empty()))
        .isEqualTo(AppendResult.nothing("account-1"));
    assertThat(store.append("account-2", DomainEventStream.empty()).position()).isZero();
  }

  @Test
  void loading_an_aggregate_without_events_fails_naming_it() {
    assertThatThrownBy(() -> store.load("nobody"))
        .isInstanceOfSatisfying(
            EventStreamNotFoundException.class,
            thrown -> assertThat(thrown.aggregateId()).isEqualTo("nobody"))
        .hasMessageContaining("'nobody'");
  }

  @Test
  void loading_from_a_playhead_of_an_aggregate_without_events_is_empty() {
    assertThat(store.loadFromPlayhead("nobody", 0)).isEqualTo(DomainEventStream.empty());
  }

  @Test
  void refuses_a_taken_playhead_naming_the_aggregate_and_the_playhead() {
    var stored = deposits("account-1", 0, 2);
    store.append("account-1", stored);

    assertThatThrownBy(() -> store.append("account-1", deposits("account-1", 1, 2)))
        .isInstanceOfSatisfying(
            DuplicatePlayheadException.class,
            thrown -> {
              assertThat(thrown.aggregateId()).isEqualTo("account-1");
              assertThat(thrown.playhead()).isEqualTo(1);
            })
        .hasMessageContaining("'account-1'")
        .hasMessageContaining("1");
    assertThat(store.load("account-1")).isEqualTo(stored);
  }

  @Test
  void refuses_a_stream_that_does_not_continue_the_stored_one_and_stores_nothing() {
    var stored = deposits("account-1", 0, 2);
    store.append("account-1", stored);

    assertThatThrownBy(() -> store.append("account-1", deposits("account-1", 3, 2)))
        .isInstanceOf(InvalidEventStreamException.class)
        .hasMessageContaining("'account-1'")
        .hasMessageContaining("expected playhead 2")
        .hasMessageContaining("3");
    assertThat(store.load("account-1")).isEqualTo(stored);
  }

  @Test
  void refuses_a_new_stream_that_does_not_start_at_playhead_zero() {
    assertThatThrownBy(() -> store.append("account-1", deposits("account-1", 1, 1)))
        .isInstanceOf(InvalidEventStreamException.class)
        .hasMessageContaining("'account-1'")
        .hasMessageContaining("expected playhead 0");
    assertThat(store.loadFromPlayhead("account-1", 0)).isEqualTo(DomainEventStream.empty());
  }

  @Test
  void loads_from_a_playhead_inclusively() {
    var stream = deposits("account-1", 0, 5);
    store.append("account-1", stream);

    assertThat(store.loadFromPlayhead("account-1", 2).messages())
        .containsExactlyElementsOf(stream.messages().subList(2, 5));
    assertThat(store.loadFromPlayhead("account-1", 0)).isEqualTo(stream);
  }

  @Test
  void loading_from_past_the_last_playhead_is_empty() {
    store.append("account-1", deposits("account-1", 0, 5));

    assertThat(store.loadFromPlayhead("account-1", 5)).isEqualTo(DomainEventStream.empty());
    assertThat(store.loadFromPlayhead("account-1", Long.MAX_VALUE).isEmpty()).isTrue();
  }

  @Test
  void appending_an_empty_stream_changes_nothing() {
    var stored = deposits("account-1", 0, 2);
    store.append("account-1", stored);

    store.append("account-1", DomainEventStream.empty());

    assertThat(store.load("account-1")).isEqualTo(stored);
  }

  @Test
  void appending_an_empty_stream_to_a_new_aggregate_does_not_create_it() {
    store.append("account-1", DomainEventStream.empty());

    assertThatExceptionOfType(EventStreamNotFoundException.class)
        .isThrownBy(() -> store.load("account-1"));
    assertThat(store.loadFromPlayhead("account-1", 0).isEmpty()).isTrue();
  }

  @Test
  void refuses_a_stream_that_names_another_aggregate_and_stores_nothing() {
    var stream =
        DomainEventStream.of(
            message("account-1", 0, new Opened("account-1", "Alice")),
            message("account-2", 1, new Deposited("account-2", 5)));

    assertThatExceptionOfType(InvalidEventStreamException.class)
        .isThrownBy(() -> store.append("account-1", stream))
        .withMessageContaining("'account-1'")
        .withMessageContaining("'account-2'");
    assertThat(store.loadFromPlayhead("account-1", 0).isEmpty()).isTrue();
    assertThat(store.loadFromPlayhead("account-2", 0).isEmpty()).isTrue();
  }

  @Test
  void refuses_a_stream_with_a_gap_between_playheads_and_stores_nothing() {
    var stored = deposits("account-1", 0, 1);
    store.append("account-1", stored);
    var gapped = concat(deposits("account-1", 1, 1), deposits("account-1", 3, 1));

    assertThatExceptionOfType(InvalidEventStreamException.class)
        .isThrownBy(() -> store.append("account-1", gapped))
        .withMessageContaining("'account-1'");
    assertThat(store.load("account-1")).isEqualTo(stored);
  }

  @Test
  void refuses_a_stream_with_playheads_out_of_order_and_stores_nothing() {
    var backwards = concat(deposits("account-1", 1, 1), deposits("account-1", 0, 1));

    assertThatExceptionOfType(InvalidEventStreamException.class)
        .isThrownBy(() -> store.append("account-1", backwards));
    assertThat(store.loadFromPlayhead("account-1", 0).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   ", "\t", "\u2003"})
  void refuses_to_load_or_append_under_a_blank_id_saying_it_is_blank(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.load(id))
        .withMessageContaining("blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.loadFromPlayhead(id, 0))
        .withMessageContaining("blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.append(id, deposits(id, 0, 1)))
        .withMessageContaining("blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\u0000b", "\ra", "a\u007f", "a\u0085b"})
  void refuses_to_load_or_append_under_an_id_with_a_control_character(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.load(id))
        .withMessageContaining("control character");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.loadFromPlayhead(id, 3))
        .withMessageContaining("control character");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.append(id, deposits(id, 0, 1)))
        .withMessageContaining("control character");
  }

  @Test
  void names_a_refused_id_with_its_control_characters_escaped() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.append("a\nb", deposits("a\nb", 0, 1)))
        .withMessageContaining("\"a\\nb\"")
        .withMessageNotContaining("\n");
  }

  @Test
  void keeps_aggregates_apart_when_one_id_is_a_prefix_of_another() {
    var a = deposits("a", 0, 2);
    var aa = deposits("aa", 0, 3);
    var a1 = deposits("a-1", 0, 1);
    store.append("a", a);
    store.append("aa", aa);
    store.append("a-1", a1);

    assertThat(store.load("a")).isEqualTo(a);
    assertThat(store.load("aa")).isEqualTo(aa);
    assertThat(store.load("a-1")).isEqualTo(a1);
    assertThat(store.loadFromPlayhead("a", 2).isEmpty()).isTrue();
  }

  @Test
  void tells_apart_ids_that_differ_only_in_case_or_trailing_space() {
    var ids = List.of("account", "ACCOUNT", "Account", "account ");
    ids.forEach(id -> store.append(id, deposits(id, 0, 1)));

    for (var id : ids) {
      assertThat(store.load(id).messages())
          .singleElement()
          .extracting(DomainMessage::aggregateId)
          .isEqualTo(id);
    }
  }

  @Test
  void stores_unicode_ids_metadata_and_payloads_unchanged() {
    var id = "konto-Ärger-日本-🚀";
    var metadata =
        Metadata.of(Map.of("user", "Zoë 🦄", "ключ", "значение", "quote", "it's \"quoted\" \\ ok"));
    var stream = DomainEventStream.of(message(id, 0, metadata, new Opened(id, "Zoë 𝄞 ñandú")));

    store.append(id, stream);

    assertThat(store.load(id)).isEqualTo(stream);
  }

  @Test
  @Timeout(120)
  void exactly_one_of_many_racing_writers_wins_each_playhead() throws Exception {
    var winners = new ArrayList<DomainEventStream>();
    try (var race = new PlayheadRace(store, "raced", 8)) {
      for (long playhead = 0; playhead < 200; playhead += 2) {
        winners.add(race.run(playhead));
      }
    }

    assertThat(store.load("raced").messages())
        .containsExactlyElementsOf(concat(winners.toArray(DomainEventStream[]::new)).messages());
  }

  private static DomainEventStream concat(DomainEventStream... streams) {
    return DomainEventStream.of(Stream.of(streams).flatMap(DomainEventStream::stream).toList());
  }
}
