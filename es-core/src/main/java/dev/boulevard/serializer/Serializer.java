package dev.boulevard.serializer;

/**
 * Turns events into stored text and back; implementations live beside the stores that need them,
 * such as the Jackson serializer of the JDBC store.
 */
public interface Serializer {

  /**
   * Serializes an event.
   *
   * @param event the event
   * @return its stored type name and its serialized form
   * @throws UnknownEventTypeException if the event's class has no registered name
   * @throws SerializationException if the event cannot be serialized
   */
  SerializedEvent serialize(Object event);

  /**
   * Deserializes an event.
   *
   * @param serialized the stored type name and serialized form
   * @return the event
   * @throws UnknownEventTypeException if the type name is not registered
   * @throws SerializationException if the data does not make an event of that type
   */
  Object deserialize(SerializedEvent serialized);
}
