package dev.boulevard.serializer;

import java.util.Objects;

/**
 * An event in stored form.
 *
 * @param type the event's stored type name, such as one from an {@link EventTypeRegistry}
 * @param version the version of the type that the data has, 1 or more
 * @param data the event's serialized form: a JSON document (see {@link Serializer})
 */
public record SerializedEvent(String type, int version, String data) {

  /** Rejects nulls and a version below 1. */
  public SerializedEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    if (version < 1) {
      throw new IllegalArgumentException(
          "The version of event type '" + type + "' is 1 or more, was " + version);
    }
  }
}
