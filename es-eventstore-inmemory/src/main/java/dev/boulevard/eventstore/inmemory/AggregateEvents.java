package dev.boulevard.eventstore.inmemory;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.InvalidEventStreamException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored events of one aggregate, in playhead order.
 *
 * <p>Not thread-safe: the store's lock guards it.
 */
final class AggregateEvents {

  private final String aggregateId;
  private final ArrayList<DomainMessage> messages = new ArrayList<>();

  AggregateEvents(String aggregateId) {
    this.aggregateId = aggregateId;
  }

  /**
   * Checks that a well-formed, non-empty stream continues the stored one and makes room for it, so
   * that {@link #append} cannot fail half-way.
   *
   * @throws DuplicatePlayheadException if the stream's first playhead is stored already
   * @throws InvalidEventStreamException if the stream leaves a gap after the stored playheads
   */
  void reserve(DomainEventStream stream) {
    long first = stream.messages().get(0).playhead();
    long next = messages.size(); // playheads are stored without gaps, from 0
    if (first < next) {
      throw DuplicatePlayheadException.forPlayhead(aggregateId, first);
    }
    if (first > next) {
      throw InvalidEventStreamException.doesNotContinue(aggregateId, next, first);
    }
    messages.ensureCapacity(messages.size() + stream.size());
  }

  /** Appends a stream that {@link #reserve} accepted. */
  void append(DomainEventStream stream) {
    messages.addAll(stream.messages());
  }

  /** {@return a copy of the events at or after the playhead} */
  List<DomainMessage> from(long playhead) {
    int from = (int) Math.min(playhead, messages.size());
    return List.copyOf(messages.subList(from, messages.size()));
  }
}
