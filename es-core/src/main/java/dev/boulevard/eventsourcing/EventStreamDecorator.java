package dev.boulevard.eventsourcing;

import dev.boulevard.domain.DomainEventStream;

/** Changes a stream of new events before it is stored, for example to add metadata. */
@FunctionalInterface
public interface EventStreamDecorator {

  /**
   * Decorates the new events of one aggregate.
   *
   * @param aggregateType the aggregate's class
   * @param aggregateId the aggregate's id
   * @param stream the new events
   * @return the stream to store, with the same events at the same playheads
   */
  DomainEventStream decorateForWrite(
      Class<?> aggregateType, String aggregateId, DomainEventStream stream);
}
