package dev.boulevard.snapshotting;

/**
 * Turns the state of a snapshot into stored text and back, as the class the caller names.
 *
 * <p>By contract the text is one JSON document, since the JDBC snapshot store keeps it in a JSON
 * column. Implementations are thread-safe, and never let stored data name a class to instantiate.
 */
public interface SnapshotSerializer {

  /**
   * Serializes a state.
   *
   * @param state the state
   * @return its JSON
   * @throws dev.boulevard.serializer.SerializationException if the state cannot be serialized
   */
  String serialize(Object state);

  /**
   * Deserializes a state as the given class.
   *
   * @param data the stored JSON
   * @param stateType the state's class, from the aggregate's {@link SnapshotFormat}
   * @param <S> the state's type
   * @return the state
   * @throws dev.boulevard.serializer.SerializationException if the data does not make a state of
   *     that class
   */
  <S> S deserialize(String data, Class<S> stateType);
}
