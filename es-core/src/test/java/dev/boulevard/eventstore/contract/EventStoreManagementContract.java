package dev.boulevard.eventstore.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStoreManagement;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventStoreManagement} shares: a store's test extends this class and
 * returns a new, empty store from {@link #createStore()}.
 *
 * @param <S> the store's type, which stores events and visits them
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class EventStoreManagementContract<S extends EventStore & EventStoreManagement> {

  private S store;
  private final List<DomainMessage> appended = new ArrayList<>();

  /** {@return a new store that holds no events; called before each test} */
  protected abstract S createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void visits_nothing_in_an_empty_store() {
    assertThat(visit(Criteria.all())).isEmpty();
  }

  @Test
  void visits_every_event_in_global_order() {
    appendEventsOfSeveralAggregates();

    assertThat(visit(Criteria.all())).containsExactlyElementsOf(appended);
  }

  @Test
  void visits_the_events_of_the_given_aggregates_in_global_order() {
    appendEventsOfSeveralAggregates();

    assertThat(visit(Criteria.all().withAggregateIds("a", "c")))
        .containsExactlyElementsOf(
            appended(message -> List.of("a", "c").contains(message.aggregateId())));
  }

  @Test
  void visits_the_events_of_the_given_types_in_global_order() {
    appendEventsOfSeveralAggregates();

    assertThat(visit(Criteria.all().withEventTypes(Deposited.class, Withdrawn.class)))
        .containsExactlyElementsOf(appended(message -> !(message.payload() instanceof Opened)));
  }

  @Test
  void visits_the_events_that_match_both_aggregates_and_types() {
    appendEventsOfSeveralAggregates();

    assertThat(visit(Criteria.all().withAggregateIds("a", "b").withEventTypes(Deposited.class)))
        .containsExactlyElementsOf(
            appended(
                message ->
                    message.payload() instanceof Deposited
                        && List.of("a", "b").contains(message.aggregateId())));
  }

  @Test
  void criteria_that_match_nothing_visit_nothing() {
    appendEventsOfSeveralAggregates();

    assertThat(visit(Criteria.all().withAggregateIds("nobody", "a "))).isEmpty();
    assertThat(visit(Criteria.all().withEventTypes(String.class))).isEmpty();
    assertThat(visit(Criteria.all().withAggregateIds("b").withEventTypes(Withdrawn.class)))
        .isEmpty();
  }

  /** Appends, in this order: a0 a1 b0 c0 a2 aa0 b1 c1 c2, with "aa" to catch prefix matching. */
  private void appendEventsOfSeveralAggregates() {
    append(opened("a", 0), deposited("a", 1));
    append(opened("b", 0));
    append(opened("c", 0));
    append(withdrawn("a", 2));
    append(opened("aa", 0));
    append(deposited("b", 1));
    append(deposited("c", 1), withdrawn("c", 2));
  }

  private void append(DomainMessage... messages) {
    store.append(messages[0].aggregateId(), DomainEventStream.of(messages));
    appended.addAll(List.of(messages));
  }

  private List<DomainMessage> visit(Criteria criteria) {
    var visited = new ArrayList<DomainMessage>();
    store.visitEvents(criteria, visited::add);
    return visited;
  }

  private List<DomainMessage> appended(Predicate<DomainMessage> filter) {
    return appended.stream().filter(filter).toList();
  }

  private static DomainMessage opened(String id, long playhead) {
    return message(id, playhead, new Opened(id, "owner of " + id));
  }

  private static DomainMessage deposited(String id, long playhead) {
    return message(id, playhead, new Deposited(id, playhead * 10));
  }

  private static DomainMessage withdrawn(String id, long playhead) {
    return message(id, playhead, new Withdrawn(id, playhead));
  }
}
