package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventsourcing.AggregateFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the factory that replays an aggregate, for the {@link HistoryVerifier}: the events table
 * does not record aggregate types, so the caller tells them apart by id or by first event.
 */
@FunctionalInterface
public interface AggregateFactories {

  /**
   * Finds the factory of an aggregate.
   *
   * @param aggregateId the aggregate's id
   * @param firstEvent its first event, as read through the current serializer and upcasters
   * @return the factory, or empty to leave the aggregate out of the replay
   */
  Optional<AggregateFactory<?>> factoryFor(String aggregateId, DomainMessage firstEvent);

  /** {@return factories that replay every aggregate with one factory} */
  static AggregateFactories all(AggregateFactory<?> factory) {
    Objects.requireNonNull(factory, "factory");
    Optional<AggregateFactory<?>> found = Optional.of(factory);
    return (aggregateId, firstEvent) -> found;
  }

  /** {@return factories that replay no aggregate, so that only the events are read} */
  static AggregateFactories none() {
    return (aggregateId, firstEvent) -> Optional.empty();
  }
}
