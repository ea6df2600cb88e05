package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainEventStream;

/**
 * Stores each aggregate's events as a stream ordered by playhead, with optimistic concurrency.
 *
 * <p>Every implementation passes the {@code EventStoreContract} suite of es-core's test-jar; in
 * particular, loading an aggregate that has no events behaves the same in every store.
 */
public interface EventStore {

  /**
   * Loads every event of an aggregate, in playhead order.
   *
   * @param aggregateId the aggregate's id
   * @return the aggregate's events, never empty
   * @throws EventStreamNotFoundException if the aggregate has no events
   */
  default DomainEventStream load(String aggregateId) {
    DomainEventStream stream = loadFromPlayhead(aggregateId, 0);
    if (stream.isEmpty()) {
      throw EventStreamNotFoundException.forAggregate(aggregateId);
    }
    return stream;
  }

  /**
   * Loads the events of an aggregate from a playhead on, inclusive, in playhead order.
   *
   * @param aggregateId the aggregate's id
   * @param playhead the first playhead to load, 0 or more
   * @return the events at or after the playhead; empty if there are none, also when the aggregate
   *     has no events at all
   * @throws IllegalArgumentException if the playhead is negative
   */
  DomainEventStream loadFromPlayhead(String aggregateId, long playhead);

  /**
   * Appends events to an aggregate's stream, all or nothing.
   *
   * <p>Every message must belong to the given aggregate, and the playheads must follow each other
   * and the stored stream without gaps: the first is the stored stream's last plus one, or 0 for a
   * new aggregate. Appending an empty stream does nothing and returns {@link
   * AppendResult#nothing(String)}.
   *
   * @param aggregateId the aggregate's id
   * @param stream the events to append
   * @return the last playhead stored and the global position of the event stored at it, for the
   *     caller to wait on readers of the log with
   * @throws DuplicatePlayheadException if a playhead is already taken: another writer won the race,
   *     and nothing of this stream was stored
   * @throws InvalidEventStreamException if the stream names another aggregate or its playheads
   *     leave a gap; nothing was stored
   */
  AppendResult append(String aggregateId, DomainEventStream stream);
}
