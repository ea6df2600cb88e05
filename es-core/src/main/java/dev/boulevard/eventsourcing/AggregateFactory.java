package dev.boulevard.eventsourcing;

import dev.boulevard.domain.DomainEventStream;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates an aggregate from its stored history.
 *
 * @param <A> the aggregate's type
 */
@FunctionalInterface
public interface AggregateFactory<A extends EventSourcedAggregateRoot<?>> {

  /**
   * Creates the aggregate and replays its history into it.
   *
   * @param aggregateId the aggregate's id
   * @param history the aggregate's stored events, in playhead order
   * @return the aggregate, in the state its history leads to
   */
  A create(String aggregateId, DomainEventStream history);

  /**
   * Makes a factory that creates a blank aggregate, such as through a no-argument constructor, and
   * replays the history into it.
   *
   * @param blank makes a new aggregate with no history
   * @param <A> the aggregate's type
   * @return the factory
   */
  static <A extends EventSourcedAggregateRoot<?>> AggregateFactory<A> of(Supplier<A> blank) {
    Objects.requireNonNull(blank, "blank");
    return (id, history) -> replay(blank.get(), history);
  }

  /**
   * Makes a factory that creates a blank aggregate from its id and replays the history into it.
   *
   * @param blank makes a new aggregate with the given id and no history
   * @param <A> the aggregate's type
   * @return the factory
   */
  static <A extends EventSourcedAggregateRoot<?>> AggregateFactory<A> withId(
      Function<String, A> blank) {
    Objects.requireNonNull(blank, "blank");
    return (id, history) -> replay(blank.apply(id), history);
  }

  private static <A extends EventSourcedAggregateRoot<?>> A replay(
      A aggregate, DomainEventStream history) {
    aggregate.initializeState(history);
    return aggregate;
  }
}
