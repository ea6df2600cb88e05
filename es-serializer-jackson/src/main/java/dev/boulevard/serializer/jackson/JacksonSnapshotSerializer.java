package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.snapshotting.SnapshotSerializer;
import java.util.Objects;

/**
 * Serializes snapshot states to JSON with Jackson, reading each only as the class the caller names;
 * immutable and thread-safe.
 *
 * <p>As with events, stored data never names a class to instantiate: a mapper with default typing
 * activated is refused, and class-name type ids are rejected on reading.
 */
public final class JacksonSnapshotSerializer implements SnapshotSerializer {

  private final ObjectMapper mapper;

  /** Creates a serializer that uses the {@link JacksonMappers#defaults() default mapper}. */
  public JacksonSnapshotSerializer() {
    this(JacksonMappers.defaults());
  }

  /**
   * Creates a serializer that uses a copy of the given mapper, so later changes to it do not apply.
   *
   * @param mapper the configured mapper
   * @throws IllegalArgumentException if the mapper has default typing activated, or cannot be
   *     copied
   */
  public JacksonSnapshotSerializer(ObjectMapper mapper) {
    this.mapper = ClassNameGuard.copyWithoutClassNames(Objects.requireNonNull(mapper, "mapper"));
  }

  @Override
  public String serialize(Object state) {
    Objects.requireNonNull(state, "state");
    try {
      return mapper.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw SerializationException.cannotSerialize(state.getClass(), e);
    }
  }

  @Override
  public <S> S deserialize(String data, Class<S> stateType) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(stateType, "stateType");
    Object state;
    try {
      state = mapper.readValue(data, stateType);
    } catch (JsonProcessingException | RuntimeException e) {
      throw SerializationException.cannotDeserialize(stateType.getName(), e);
    }
    return ReadCheck.as(stateType.getName(), stateType, state);
  }
}
