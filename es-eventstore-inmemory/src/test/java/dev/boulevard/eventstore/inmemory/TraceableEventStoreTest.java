package dev.boulevard.eventstore.inmemory;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.InvalidEventStreamException;
import dev.boulevard.eventstore.TraceableEventStore;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceableEventStoreTest {

  private final InMemoryEventStore delegate = new InMemoryEventStore();
  private final TraceableEventStore store = new TraceableEventStore(delegate);

  @Test
  void records_nothing_before_tracing_starts() {
    store.append("a", deposits("a", 0, 2));

    assertThat(store.messages()).isEmpty();
    assertThat(delegate.load("a").size()).isEqualTo(2);
  }

  @Test
  void records_what_is_appended_after_tracing_starts_in_order() {
    store.append("a", deposits("a", 0, 1));
    store.trace();
    var second = deposits("a", 1, 2);
    var third = deposits("b", 0, 1);

    store.append("a", second);
    store.append("b", third);

    assertThat(store.messages())
        .containsExactly(
            second.messages().get(0), second.messages().get(1), third.messages().get(0));
    assertThat(store.events())
        .containsExactly(new Deposited("a", 2), new Deposited("a", 3), new Deposited("b", 1));
  }

  @Test
  void clearing_forgets_the_recorded_events_and_keeps_tracing() {
    store.trace();
    store.append("a", deposits("a", 0, 1));

    store.clearEvents();
    store.append("a", deposits("a", 1, 1));

    assertThat(store.events()).containsExactly(new Deposited("a", 2));
  }

  @Test
  void does_not_record_a_failed_append() {
    store.trace();
    store.append("a", deposits("a", 0, 1));

    assertThatExceptionOfType(DuplicatePlayheadException.class)
        .isThrownBy(() -> store.append("a", deposits("a", 0, 2)));
    assertThatExceptionOfType(InvalidEventStreamException.class)
        .isThrownBy(() -> store.append("b", deposits("a", 1, 1)));

    assertThat(store.events()).containsExactly(new Deposited("a", 1));
  }

  @Test
  void loads_what_the_wrapped_store_holds() {
    delegate.append("a", deposits("a", 0, 3));

    assertThat(store.load("a")).isEqualTo(delegate.load("a"));
    assertThat(store.loadFromPlayhead("a", 1)).isEqualTo(delegate.loadFromPlayhead("a", 1));
  }
}
