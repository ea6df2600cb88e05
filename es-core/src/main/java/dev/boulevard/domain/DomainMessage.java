package dev.boulevard.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of one aggregate, with everything a store and a listener need to know about it.
 *
 * <p>The instant is kept in UTC to the microsecond, the precision every supported store can hold,
 * so that a message reads back exactly as it was written.
 *
 * @param eventId the event's unique id
 * @param aggregateId the id of the aggregate that recorded the event
 * @param playhead the event's place in its aggregate's stream, from 0
 * @param metadata the context the event was recorded in
 * @param payload the event itself, usually a record
 * @param recordedOn when the event was recorded, truncated to the microsecond
 */
public record DomainMessage(
    UUID eventId,
    String aggregateId,
    long playhead,
    Metadata metadata,
    Object payload,
    Instant recordedOn) {

  /** Validates the fields and truncates the instant to the microsecond. */
  public DomainMessage {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(recordedOn, "recordedOn");
    if (playhead < 0) {
      throw new IllegalArgumentException(
          "playhead of aggregate '" + aggregateId + "' must be 0 or more, was " + playhead);
    }
    recordedOn = recordedOn.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Records an event now, by the given clock, with a new random event id.
   *
   * @param aggregateId the id of the aggregate that recorded the event
   * @param playhead the event's place in its aggregate's stream, from 0
   * @param metadata the context the event was recorded in
   * @param payload the event itself
   * @param clock the clock that says when "now" is
   * @return the new message
   */
  public static DomainMessage recordNow(
      String aggregateId, long playhead, Metadata metadata, Object payload, Clock clock) {
    return new DomainMessage(
        UUID.randomUUID(), aggregateId, playhead, metadata, payload, clock.instant());
  }

  /** {@return the class of the payload} */
  public Class<?> payloadType() {
    return payload.getClass();
  }

  /** {@return a copy whose metadata also holds the given pairs; the given values win on a clash} */
  public DomainMessage andMetadata(Metadata more) {
    return new DomainMessage(
        eventId, aggregateId, playhead, metadata.merge(more), payload, recordedOn);
  }
}
