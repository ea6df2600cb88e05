package dev.boulevard.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventhandling.SimpleEventBus;
import dev.boulevard.eventhandling.TraceableEventBus;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.repository.AggregateNotFoundException;
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
  private final SettableClock clock =
      SettableClock.at(Instant.parse("2026-02-03T04:05:06.789012Z"));
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

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void refuses_to_save_an_aggregate_of_another_class_passed_through_a_raw_type() {
    EventSourcingRepository raw = repository;
    var other = new Nameless();
    other.record("x");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> raw.save(other))
        .withMessageContaining(Account.class.getName())
        .withMessageContaining(Nameless.class.getName());
    assertThat(other.uncommittedEvents()).containsExactly("x");
  }

  @Test
  void refuses_to_save_new_events_of_an_aggregate_without_an_id() {
    var nameless =
        EventSourcingRepository.builder(Nameless.class, store, AggregateFactory.of(Nameless::new))
            .build();
    var aggregate = new Nameless();
    aggregate.record("x");

    assertThatIllegalStateException()
        .isThrownBy(() -> nameless.save(aggregate))
        .withMessageContaining(Nameless.class.getName())
        .withMessageContaining("set the id in when(...) for its first event");
    assertThat(aggregate.uncommittedEvents()).containsExactly("x");
  }

  @Test
  void refuses_a_decorator_that_drops_an_event_and_stores_nothing() {
    var dropping =
        EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
            .decorator(new DroppingLast())
            .build();
    var account = Account.open("a-1");
    account.deposit(1);

    assertThatIllegalStateException()
        .isThrownBy(() -> dropping.save(account))
        .withMessageContaining(DroppingLast.class.getName())
        .withMessageContaining("Account 'a-1'");
    assertThat(store.loadFromPlayhead("a-1", 0).isEmpty()).isTrue();
    assertThat(account.uncommittedEvents()).hasSize(2);
  }

  @Test
  void refuses_a_decorator_that_moves_an_event_to_another_playhead() {
    var moving =
        EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
            .decorator(
                (type, id, stream) ->
                    DomainEventStream.of(
                        DomainMessage.recordNow(
                            id, 5, Metadata.empty(), stream.payloads().get(0), clock)))
            .build();

    assertThatIllegalStateException()
        .isThrownBy(() -> moving.save(Account.open("a-1")))
        .withMessageContaining("Stream decorator")
        .withMessageContaining("same playheads");
  }

  @Test
  void says_the_events_are_stored_when_publishing_them_fails() {
    var failure = new IllegalStateException("projection down");
    var failingBus = new SimpleEventBus();
    failingBus.subscribe(
        message -> {
          throw failure;
        });
    var publishing =
        EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
            .eventBus(failingBus)
            .build();
    var account = Account.open("a-1");
    account.deposit(1);

    assertThatThrownBy(() -> publishing.save(account))
        .isInstanceOf(EventPublicationException.class)
        .hasMessageContaining("Account 'a-1' at playheads 0 to 1 ARE stored")
        .hasMessageContaining("do not save them again")
        .hasCause(failure);
    assertThat(store.load("a-1").payloads())
        .containsExactly(new Opened("a-1"), new Deposited("a-1", 1));
    assertThat(account.uncommittedEvents()).isEmpty();
  }

  private static EventStreamDecorator tagging(String name, List<String> calls) {
    return (type, id, stream) -> {
      calls.add(name + " " + type.getSimpleName() + " " + id);
      return stream.map(m -> m.andMetadata(Metadata.of("step", name).with(name, "yes")));
    };
  }

  /** A decorator that loses the last event, which the repository must refuse. */
  private static final class DroppingLast implements EventStreamDecorator {

    @Override
    public DomainEventStream decorateForWrite(
        Class<?> aggregateType, String aggregateId, DomainEventStream stream) {
      return DomainEventStream.of(stream.messages().subList(0, stream.size() - 1));
    }
  }

  /** An aggregate of string events whose id is never set. */
  private static final class Nameless extends EventSourcedAggregateRoot<String> {

    Nameless() {
      super(String.class);
    }

    void record(String event) {
      apply(event);
    }

    @Override
    public String aggregateId() {
      return null;
    }

    @Override
    protected void when(String event) {}
  }
}
