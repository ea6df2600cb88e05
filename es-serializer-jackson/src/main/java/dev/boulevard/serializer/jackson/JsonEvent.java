package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An event in stored form on its way to the current version of its type: what an {@link Upcaster}
 * receives and returns.
 *
 * <p>The payload is a fresh tree parsed from the stored row: an upcaster may change it in place and
 * return it.
 *
 * @param type the event's type name, as stored or as an earlier upcaster renamed it
 * @param version the version of the type that the payload has, 1 or more
 * @param payload the event's JSON object
 */
public record JsonEvent(String type, int version, ObjectNode payload) {

  /** Rejects nulls, a blank type and a version below 1. */
  public JsonEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    if (type.isBlank()) {
      throw new IllegalArgumentException("An event's type name is not blank");
    }
    if (version < 1) {
      throw new IllegalArgumentException(
          "The version of event type '" + type + "' is 1 or more, was " + version);
    }
  }

  /** {@return the same event with the given payload, as the next version of its type} */
  public JsonEvent nextVersion(ObjectNode newPayload) {
    return new JsonEvent(type, version + 1, newPayload);
  }

  /** {@return the same payload under another type name and version, as a rename does} */
  public JsonEvent renamed(String newType, int newVersion) {
    return new JsonEvent(newType, newVersion, payload);
  }
}
