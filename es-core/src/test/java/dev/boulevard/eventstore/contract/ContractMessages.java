package dev.boulevard.eventstore.contract;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

/** Builds the domain messages that the contract suites store, recorded by a fixed clock. */
public final class ContractMessages {

  /** The instant the fixed clock stands at: UTC, with microseconds, as every store must keep it. */
  public static final Instant NOW = Instant.parse("2026-02-03T04:05:06.123456Z");

  /** A clock that stands still at {@link #NOW}. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The metadata of every message that a test does not give metadata of its own. */
  public static final Metadata METADATA = Metadata.of("source", "contract");

  private ContractMessages() {}

  /**
   * Records a message now, by the fixed clock, with a new event id and the default metadata.
   *
   * @param aggregateId the aggregate the message belongs to
   * @param playhead the message's playhead
   * @param payload the event
   * @return the message
   */
  public static DomainMessage message(String aggregateId, long playhead, Object payload) {
    return message(aggregateId, playhead, METADATA, payload);
  }

  /**
   * Records a message now, by the fixed clock, with a new event id.
   *
   * @param aggregateId the aggregate the message belongs to
   * @param playhead the message's playhead
   * @param metadata the message's metadata
   * @param payload the event
   * @return the message
   */
  public static DomainMessage message(
      String aggregateId, long playhead, Metadata metadata, Object payload) {
    return DomainMessage.recordNow(aggregateId, playhead, metadata, payload, CLOCK);
  }

  /**
   * Records deposits of an aggregate at consecutive playheads.
   *
   * @param aggregateId the aggregate the deposits belong to
   * @param firstPlayhead the playhead of the first deposit
   * @param count how many deposits, 0 or more
   * @return the deposits, in playhead order
   */
  public static DomainEventStream deposits(String aggregateId, long firstPlayhead, int count) {
    var messages = new ArrayList<DomainMessage>(count);
    for (long playhead = firstPlayhead; playhead < firstPlayhead + count; playhead++) {
      messages.add(message(aggregateId, playhead, new Deposited(aggregateId, playhead + 1)));
    }
    return DomainEventStream.of(messages);
  }
}
