package dev.boulevard.eventstore.inmemory;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.DuplicatePlayheadException;
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
   * Checks that no playhead of a well-formed, non-empty stream is stored yet and makes room for it,
   * so that {@link #insert} cannot fail half-way.
   *
   * @return where the stream goes
   * @throws DuplicatePlayheadException naming the lowest stored playhead that the stream takes
   */
  int reserve(DomainEventStream stream) {
    long first = stream.messages().get(0).playhead();
    long last = first + stream.size() - 1;
    int index = indexOfFirstAtOrAfter(first);
    if (index < messages.size() && messages.get(index).playhead() <= last) {
      throw DuplicatePlayheadException.forPlayhead(aggregateId, messages.get(index).playhead());
    }
    messages.ensureCapacity(messages.size() + stream.size());
    return index;
  }

  /** Inserts a stream at the index that {@link #reserve} returned for it. */
  void insert(int index, DomainEventStream stream) {
    messages.addAll(index, stream.messages());
  }

  /** {@return a copy of the events at or after the playhead} */
  List<DomainMessage> from(long playhead) {
    return List.copyOf(messages.subList(indexOfFirstAtOrAfter(playhead), messages.size()));
  }

  private int indexOfFirstAtOrAfter(long playhead) {
    int size = messages.size();
    if (size == 0 || messages.get(size - 1).playhead() < playhead) {
      return size; // the common case: a new event goes after the last
    }
    int low = 0;
    int high = size - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (messages.get(middle).playhead() < playhead) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
