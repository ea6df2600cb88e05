package dev.boulevard.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventhandling.TraceableEventBus;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventSourcingRepositoryTest {

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final TraceableEventBus bus = new TraceableEventBus();
  private final TestClock clock = TestClock.at(Instant.parse("2026-02-03T04:05:06.789012Z"));
  private final EventSourcingRepository<Account> repository =
      EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
          .eventBus(bus)
          .clock(clock)
          .build();

  @Test
  void saves_the_new_events_with_their_playheads_and_the_clock_instant() {
    var account = Account.open("a-1");
    account.deposit(10);

    repository.save(account);

    var stored = store.load("a-1");
    assertThat(stored.payloads()).containsExactly(new Opened("a-1"), new Deposited("a-1", 10));
    assertThat(stored).extracting(DomainMessage::playhead).containsExactly(0L, 1L);
    assertThat(stored).extracting(DomainMessage::recordedOn).containsOnly(clock.instant());
    assertThat(stored).extracting(DomainMessage::eventId).doesNotHaveDuplicates();
  }

  @Test
  void marks_saved_events_committed_so_a_second_save_stores_nothing_more() {
    var account = Account.open("a-1");
    repository.save(account);

    repository.save(account);

    assertThat(account.uncommittedEvents()).isEmpty();
    assertThat(store.load("a-1").size()).isEqualTo(1);
  }

  @Test
  void publishes_exactly_what_was_stored_after_storing_it() {
    bus.trace();
    var account = Account.open("a-1");
    account.deposit(3);

    repository.save(account);

    assertThat(bus.messages()).isEqualTo(store.load("a-1").messages());
  }

  @Test
  void loads_an_aggregate_by_replaying_its_events() {
    var account = Account.open("a-1");
    account.deposit(10);
    account.withdraw(4);
    repository.save(account);

    var loaded = repository.load("a-1");

    assertThat(loaded.balance()).isEqualTo(6);
    assertThat(loaded.playhead()).isEqualTo(2);
    assertThat(loaded.uncommittedEvents()).isEmpty();
  }

  @Test
  void continues_the_playheads_of_a_loaded_aggregate() {
    repository.save(Account.open("a-1"));
    var loaded = repository.load("a-1");
    loaded.deposit(5);

    repository.save(loaded);

    assertThat(store.loadFromPlayhead("a-1", 1).payloads())
        .containsExactly(new Deposited("a-1", 5));
  }

  @Test
  void loading_a_missing_aggregate_names_its_type_and_id() {
    assertThatThrownBy(() -> repository.load("nobody"))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessage("Account 'nobody' does not exist");
  }

  @Test
  void finds_an_aggregate_that_may_not_exist() {
    repository.save(Account.open("a-1"));

    assertThat(repository.find("a-1")).get().extracting(Account::aggregateId).isEqualTo("a-1");
    assertThat(repository.find("nobody")).isEmpty();
  }

  @Test
  void a_lost_race_stores_and_publishes_nothing_and_keeps_the_events_uncommitted() {
    repository.save(Account.open("a-1"));
    var first = repository.load("a-1");
    var second = repository.load("a-1");
    first.deposit(1);
    second.deposit(2);
    repository.save(first);
    bus.trace();

    assertThatThrownBy(() -> repository.save(second))
        .isInstanceOf(DuplicatePlayheadException.class)
        .hasMessageContaining("'a-1'")
        .hasMessageContaining("Playhead 1");

    assertThat(second.uncommittedEvents()).containsExactly(new Deposited("a-1", 2));
    assertThat(bus.events()).isEmpty();
    assertThat(store.load("a-1").payloads())
        .containsExactly(new Opened("a-1"), new Deposited("a-1", 1));
  }

  @Test
  void runs_decorators_in_order_and_stores_what_they_return() {
    var calls = new ArrayList<String>();
    var decorated =
        EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
            .decorator(tagging("first", calls))
            .decorator(tagging("second", calls))
            .build();

    decorated.save(Account.open("a-1"));

    assertThat(calls).containsExactly("first Account a-1", "second Account a-1");
    assertThat(store.load("a-1").messages().get(0).metadata().values())
        .containsEntry("step", "second")
        .containsEntry("first", "yes")
        .containsEntry("second", "yes");
  }

  @Test
  void enriches_every_new_event_with_metadata() {
    clock.advance(Duration.ofSeconds(1));
    var enriching =
        EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
            .decorator(
                new MetadataEnrichingEventStreamDecorator(
                    metadata -> metadata.with("user", "alice"),
                    metadata -> metadata.with("ip", "::1")))
            .build();
    var account = Account.open("a-1");
    account.deposit(1);

    enriching.save(account);

    assertThat(store.load("a-1"))
        .extracting(DomainMessage::metadata)
        .containsOnly(Metadata.of("user", "alice").with("ip", "::1"));
  }

  @Test
  void metadata_enrichers_run_for_each_event_and_keep_existing_pairs() {
    var counter = new int[1];
    var decorator =
        new MetadataEnrichingEventStreamDecorator(
            metadata -> metadata.with("n", String.valueOf(++counter[0])));
    var stream =
        DomainEventStream.of(
            DomainMessage.recordNow("a", 0, Metadata.of("kept", "1"), "x", clock),
            DomainMessage.recordNow("a", 1, Metadata.empty(), "y", clock));

    var enriched = decorator.decorateForWrite(Account.class, "a", stream);

    assertThat(enriched.messages())
        .extracting(DomainMessage::metadata)
        .containsExactly(Metadata.of("kept", "1").with("n", "1"), Metadata.of("n", "2"));
  }

  private static EventStreamDecorator tagging(String name, List<String> calls) {
    return (type, id, stream) -> {
      calls.add(name + " " + type.getSimpleName() + " " + id);
      return stream.map(m -> m.andMetadata(Metadata.of("step", name).with(name, "yes")));
    };
  }
}
