package dev.boulevard.serializer;

import dev.boulevard.domain.Metadata;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns events into their stored form and back, bringing events stored in an older version of their
 * type up to the current one; what every store that keeps events as text takes.
 *
 * <p>By contract the serialized data is one JSON document, since the JDBC store keeps it in JSON
 * columns ({@code jsonb} on PostgreSQL, {@code JSON} on MariaDB); a serializer of another format
 * wraps its output in JSON, for instance as a JSON string. Reading gets the same JSON document
 * back, not always the same text: PostgreSQL's {@code jsonb} re-spaces it and orders its keys.
 * Metadata is not the serializer's: a store writes it in its own form. Implementations are
 * thread-safe, since stores call them from any thread.
 */
public interface Serializer {

  /**
   * Serializes an event in the current version of its type.
   *
   * @param event the event
   * @return its stored type name, that version and its JSON
   * @throws UnknownEventTypeException if the event's class has no stored name
   * @throws SerializationException if the event cannot be serialized
   */
  SerializedEvent serialize(Object event);

  /**
   * Deserializes a stored event of any version this serializer reads, into the events it now is:
   * one, or several if the stored event was split.
   *
   * @param serialized the stored type name, version and JSON
   * @param metadata the stored metadata, which upcasting may read
   * @return the events, in order; never empty
   * @throws UnknownEventTypeException if the type name is not one this serializer reads
   * @throws SerializationException if the data does not make events of a known type
   */
  List<Object> deserialize(SerializedEvent serialized, Metadata metadata);

  /**
   * Tells which stored type names may read as events of a class, so that a store can filter by type
   * in its query: the class's own name and every name that upcasting may turn into it.
   *
   * @param eventClass an event class
   * @return those names; empty if the class has no stored name
   */
  Set<String> storedTypeNames(Class<?> eventClass);

  /**
   * Tells the name under which events of a class are stored now, as operators see it in the store
   * and in reports such as a projection's park.
   *
   * @param eventClass an event class
   * @return its stored type name; empty if the class has none
   */
  Optional<String> typeNameOf(Class<?> eventClass);
}
