package dev.boulevard.messaging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The envelope's JSON, which is the wire format: one object whose {@code "format"} is {@value
 * #FORMAT}, with the fields of {@link Envelope} by the same names; {@code recordedOn} an ISO-8601
 * instant in UTC with microseconds, {@code metadata} an object of strings, {@code payload} the
 * event's JSON document itself (not a string holding it).
 *
 * <pre>{@code
 * {"format":"boulevard.envelope/1","eventId":"6f1c...","aggregateId":"wallet-7","playhead":3,
 *  "piece":0,"position":1042,"type":"wallet.credited","version":1,
 *  "recordedOn":"2026-12-06T03:04:05.123456Z",
 *  "metadata":{"correlation_id":"...","causation_id":"..."},
 *  "payload":{"amount":500}}
 * }</pre>
 *
 * <p>Readers ignore fields they do not know, so fields may be added within a format; a change that
 * breaks readers gets a new format name. Thread-safe.
 */
public final class EnvelopeJson {

  /** The name of the envelope format this class writes and reads. */
  public static final String FORMAT = "boulevard.envelope/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvelopeJson() {}

  /**
   * Writes an envelope as UTF-8 JSON. The payload is copied as it is, since a serializer's output
   * is one JSON document by contract.
   *
   * @param envelope the envelope
   * @return its JSON
   */
  public static byte[] write(Envelope envelope) {
    var out = new ByteArrayOutputStream(256 + envelope.payload().length());
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("eventId", envelope.eventId().toString());
      json.writeStringField("aggregateId", envelope.aggregateId());
      json.writeNumberField("playhead", envelope.playhead());
      json.writeNumberField("piece", envelope.piece());
      json.writeNumberField("position", envelope.position());
      json.writeStringField("type", envelope.type());
      json.writeNumberField("version", envelope.version());
      json.writeStringField("recordedOn", envelope.recordedOn().toString());
      json.writeObjectFieldStart("metadata");
      for (var entry : new TreeMap<>(envelope.metadata()).entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      json.writeFieldName("payload");
      json.writeRawValue(envelope.payload());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  /**
   * Reads an envelope from UTF-8 JSON.
   *
   * @param json the message's body
   * @return the envelope
   * @throws MalformedEnvelopeException if it is not an envelope of format {@value #FORMAT}, naming
   *     what is wrong
   */
  public static Envelope read(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      throw new MalformedEnvelopeException("A message body is not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedEnvelopeException("A message body is not a JSON object", null);
    }
    String format = text(node, "format");
    if (!FORMAT.equals(format)) {
      throw new MalformedEnvelopeException(
          "A message body is envelope format '" + format + "', not " + FORMAT, null);
    }
    String eventId = text(node, "eventId");
    try {
      JsonNode payload = field(node, "payload", eventId);
      JsonNode metadata = field(node, "metadata", eventId);
      if (!metadata.isObject()) {
        throw bad("metadata", "is not an object", eventId);
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (var entry : metadata.properties()) {
        if (!entry.getValue().isTextual()) {
          throw bad("metadata." + entry.getKey(), "is not a string", eventId);
        }
        values.put(entry.getKey(), entry.getValue().textValue());
      }
      return new Envelope(
          UUID.fromString(eventId),
          text(node, "aggregateId"),
          number(node, "playhead", eventId),
          number(node, "position", eventId),
          text(node, "type"),
          Math.toIntExact(number(node, "version", eventId)),
          Instant.parse(text(node, "recordedOn")),
          values,
          JSON.writeValueAsString(payload),
          node.has("piece") ? Math.toIntExact(number(node, "piece", eventId)) : 0);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      throw new MalformedEnvelopeException(
          "Envelope of event " + eventId + " is not valid: " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new MalformedEnvelopeException(
          "The payload of envelope " + eventId + " does not write back: " + e.getMessage(), e);
    }
  }

  private static JsonNode field(JsonNode node, String name, String eventId) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw bad(name, "is missing", eventId);
    }
    return value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new MalformedEnvelopeException(
          "A message body's field '"
              + name
              + "' is "
              + (value == null ? "missing" : "not a string"),
          null);
    }
    return value.textValue();
  }

  private static long number(JsonNode node, String name, String eventId) {
    JsonNode value = node.get(name);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw bad(name, value == null ? "is missing" : "is not a whole number", eventId);
    }
    return value.longValue();
  }

  private static MalformedEnvelopeException bad(String field, String what, String eventId) {
    return new MalformedEnvelopeException(
        "Envelope of event " + eventId + ": field '" + field + "' " + what, null);
  }
}
