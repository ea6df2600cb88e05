package dev.boulevard.eventstore.spi;

import dev.boulevard.domain.AggregateIds;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.InvalidEventStreamException;
import java.util.Objects;

/** The checks every store makes on a stream before it stores any of it. */
public final class AppendChecks {

  private AppendChecks() {}

  /**
   * Checks that every message belongs to the aggregate and that playheads follow each other.
   *
   * @param aggregateId the aggregate appended to
   * @param stream the stream to append
   * @throws dev.boulevard.domain.InvalidAggregateIdException if the id is blank or holds a control
   *     character
   * @throws InvalidEventStreamException naming the first message that breaks a rule
   */
  public static void requireAppendable(String aggregateId, DomainEventStream stream) {
    AggregateIds.requireValid(aggregateId);
    Objects.requireNonNull(stream, "stream");
    long expected = -1;
    for (DomainMessage message : stream) {
      if (!message.aggregateId().equals(aggregateId)) {
        throw InvalidEventStreamException.foreignMessage(
            aggregateId, message.aggregateId(), message.playhead());
      }
      if (expected >= 0 && message.playhead() != expected) {
        throw InvalidEventStreamException.playheadOutOfOrder(
            aggregateId, expected, message.playhead());
      }
      expected = message.playhead() + 1;
    }
  }
}
