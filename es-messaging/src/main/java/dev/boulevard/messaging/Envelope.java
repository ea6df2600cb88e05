package dev.boulevard.messaging;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels to other services: what the broker's message carries, in JSON ({@link
 * EnvelopeJson}) in its body and in part in its headers ({@link #headers}), so that a consumer in
 * any language can read it.
 *
 * @param eventId the event's id, unique across the store: consumers and brokers drop duplicates by
 *     it
 * @param aggregateId the aggregate that recorded it
 * @param playhead its place in the aggregate's stream, from 0
 * @param piece its place among the events that an upcaster split one stored event into, which share
 *     that event's playhead: 0 for the first (and for an event that was not split), 1 for the next
 * @param position its place in the store's global log, from 1
 * @param type the payload's type name, as the store's serializer names it (not a Java class name)
 * @param version the version of that type the payload is in
 * @param recordedOn when it was recorded, in UTC to the microsecond
 * @param metadata the context it was recorded in, correlation and causation ids included
 * @param payload the event itself, one JSON document as text
 */
public record Envelope(
    UUID eventId,
    String aggregateId,
    long playhead,
    long position,
    String type,
    int version,
    Instant recordedOn,
    Map<String, String> metadata,
    String payload,
    int piece) {

  /** The header that carries the event id. */
  public static final String EVENT_ID_HEADER = "Boulevard-Event-Id";

  /** The header that carries the aggregate id. */
  public static final String AGGREGATE_ID_HEADER = "Boulevard-Aggregate-Id";

  /** The header that carries the payload's type name. */
  public static final String TYPE_HEADER = "Boulevard-Type";

  /** The header that carries the payload's type version. */
  public static final String VERSION_HEADER = "Boulevard-Version";

  /** Checks the parts and copies the metadata. */
  public Envelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recordedOn, "recordedOn");
    Objects.requireNonNull(payload, "payload");
    if (playhead < 0) {
      throw new IllegalArgumentException(
          "An envelope's playhead is 0 or more, not " + playhead + " (event " + eventId + ")");
    }
    if (piece < 0) {
      throw new IllegalArgumentException(
          "An envelope's piece is 0 or more, not " + piece + " (event " + eventId + ")");
    }
    if (position < 1) {
      throw new IllegalArgumentException(
          "An envelope's position is 1 or more, not " + position + " (event " + eventId + ")");
    }
    recordedOn = recordedOn.truncatedTo(ChronoUnit.MICROS);
    metadata = Map.copyOf(metadata);
  }

  /**
   * Creates the envelope of an event that an upcaster did not split (piece 0).
   *
   * @param eventId the event's id
   * @param aggregateId the aggregate that recorded it
   * @param playhead its place in the aggregate's stream
   * @param position its place in the global log
   * @param type the payload's type name
   * @param version the payload's type version
   * @param recordedOn when it was recorded
   * @param metadata the context it was recorded in
   * @param payload the event's JSON
   */
  public Envelope(
      UUID eventId,
      String aggregateId,
      long playhead,
      long position,
      String type,
      int version,
      Instant recordedOn,
      Map<String, String> metadata,
      String payload) {
    this(eventId, aggregateId, playhead, position, type, version, recordedOn, metadata, payload, 0);
  }

  /**
   * Puts a logged event into an envelope, serializing its payload in the current version of its
   * type.
   *
   * @param logged the event and its place in the global log
   * @param piece its place among the pieces of a stored event that an upcaster split, 0 if it was
   *     not split
   * @param serializer the serializer that names and writes the payload
   * @return the envelope
   * @throws dev.boulevard.serializer.SerializationException if the payload cannot be serialized
   * @throws dev.boulevard.serializer.UnknownEventTypeException if its class has no stored name
   */
  public static Envelope of(LoggedMessage logged, int piece, Serializer serializer) {
    DomainMessage message = logged.message();
    SerializedEvent serialized = serializer.serialize(message.payload());
    return new Envelope(
        message.eventId(),
        message.aggregateId(),
        message.playhead(),
        logged.position(),
        serialized.type(),
        serialized.version(),
        message.recordedOn(),
        message.metadata().values(),
        serialized.data(),
        piece);
  }

  /**
   * Reads the envelope's event back, upcasting it if the reader's serializer knows a newer version
   * of its type.
   *
   * @param serializer a serializer that knows the type name
   * @return the domain messages: one, or several if upcasting split the event; each keeps the
   *     envelope's event id, aggregate id, playhead, metadata and recorded-on
   * @throws dev.boulevard.serializer.UnknownEventTypeException if the type name is unknown to it
   * @throws dev.boulevard.serializer.SerializationException if the payload does not read
   */
  public List<DomainMessage> toMessages(Serializer serializer) {
    Metadata meta = Metadata.of(metadata);
    List<Object> events = serializer.deserialize(new SerializedEvent(type, version, payload), meta);
    List<DomainMessage> messages = new ArrayList<>(events.size());
    for (Object event : events) {
      messages.add(new DomainMessage(eventId, aggregateId, playhead, meta, event, recordedOn));
    }
    return messages;
  }

  /**
   * {@return the headers a transport sets on the message, beside the JSON body: the event id,
   * aggregate id, type name and version, for brokers and consumers that route or filter without
   * reading the body}
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(EVENT_ID_HEADER, eventId.toString());
    headers.put(AGGREGATE_ID_HEADER, aggregateId);
    headers.put(TYPE_HEADER, type);
    headers.put(VERSION_HEADER, Integer.toString(version));
    return headers;
  }
}
