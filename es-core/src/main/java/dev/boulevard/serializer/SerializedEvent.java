package dev.boulevard.serializer;

import java.util.Objects;

/**
 * An event in stored form.
 *
 * @param type the event's stored type name, from the {@link EventTypeRegistry}
 * @param data the event's serialized form, such as JSON
 */
public record SerializedEvent(String type, String data) {

  /** Rejects nulls. */
  public SerializedEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
