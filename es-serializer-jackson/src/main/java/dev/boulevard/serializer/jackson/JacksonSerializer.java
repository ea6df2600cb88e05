package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.UnknownEventTypeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes events to plain JSON with Jackson; immutable and thread-safe.
 *
 * <p>The stored type of an event is the name its class has in the {@link EventTypeRegistry}, never
 * a class name, and reading looks the class up by that name only. A stored payload can never name a
 * class to instantiate: a mapper with default typing activated is refused, and class-name type ids
 * ({@code @JsonTypeInfo(use = CLASS)} or {@code MINIMAL_CLASS}) are rejected on reading; use {@code
 * Id.NAME} with registered subtypes instead.
 *
 * <p>Each type is written in its current version (1 unless the {@link #builder builder} sets
 * another), and {@link #deserialize(SerializedEvent, int, Metadata)} brings an older stored version
 * up to it through the registered {@link Upcaster}s, on the JSON, before any class is involved.
 */
public final class JacksonSerializer implements Serializer {

  private static final String METADATA = "metadata";
  private static final ObjectMapper METADATA_MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final EventTypeRegistry registry;
  private final ObjectMapper mapper;
  private final UpcasterChain upcasters;

  /**
   * Creates a serializer that uses the {@link JacksonMappers#defaults() default mapper}.
   *
   * @param registry the stored names of the event classes
   */
  public JacksonSerializer(EventTypeRegistry registry) {
    this(registry, JacksonMappers.defaults());
  }

  /**
   * Creates a serializer that uses a copy of the given mapper, so later changes to it do not apply.
   *
   * @param registry the stored names of the event classes
   * @param mapper the configured mapper
   * @throws IllegalArgumentException if the mapper has default typing activated, or cannot be
   *     copied
   */
  public JacksonSerializer(EventTypeRegistry registry, ObjectMapper mapper) {
    this(registry, mapper, new UpcasterChain(Map.of(), Map.of()));
  }

  JacksonSerializer(EventTypeRegistry registry, ObjectMapper mapper, UpcasterChain upcasters) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.mapper = ClassNameGuard.copyWithoutClassNames(Objects.requireNonNull(mapper, "mapper"));
    this.upcasters = upcasters;
  }

  /**
   * Starts building a serializer that knows the current version of each event type and upcasts
   * older stored versions to it.
   *
   * @param registry the stored names of the event classes
   * @return the builder
   */
  public static JacksonSerializerBuilder builder(EventTypeRegistry registry) {
    return new JacksonSerializerBuilder(registry);
  }

  /** {@return the registry that names the stored types} */
  public EventTypeRegistry registry() {
    return registry;
  }

  /**
   * {@return the version that events of a type are written in now: as set on the builder, or 1}
   *
   * @param type a stored type name
   */
  public int currentVersion(String type) {
    return upcasters.currentVersion(Objects.requireNonNull(type, "type"));
  }

  /** {@return the type names that upcasters read, registered or not, in alphabetical order} */
  public List<String> upcastTypeNames() {
    return upcasters.sourceTypes();
  }

  @Override
  public SerializedEvent serialize(Object event) {
    Objects.requireNonNull(event, "event");
    String type = registry.nameOf(event.getClass());
    try {
      return new SerializedEvent(type, mapper.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw SerializationException.cannotSerialize(event.getClass(), e);
    }
  }

  @Override
  public Object deserialize(SerializedEvent serialized) {
    Objects.requireNonNull(serialized, "serialized");
    Class<?> type = registry.typeOf(serialized.type());
    Object event;
    try {
      event = mapper.readValue(serialized.data(), type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw SerializationException.cannotDeserialize(serialized.type(), e);
    }
    return checked(serialized.type(), type, event);
  }

  /**
   * Reads a stored event of any version: upcasts it to the current version of a registered type,
   * into several events if an upcaster splits it, and deserializes each.
   *
   * @param serialized the stored type name and JSON
   * @param version the version it was stored in
   * @param metadata the stored metadata, which upcasters may read
   * @return the events, in order; one unless an upcaster split it
   * @throws UnknownEventTypeException if the type is neither registered nor read by an upcaster
   * @throws UpcastingException if no chain of upcasters leads to a current, registered type
   * @throws SerializationException if the data does not make an event of the resulting type
   */
  public List<Object> deserialize(SerializedEvent serialized, int version, Metadata metadata) {
    Objects.requireNonNull(serialized, "serialized");
    Objects.requireNonNull(metadata, "metadata");
    String name = serialized.type();
    boolean registered = registry.entries().containsKey(name);
    if (upcasters.isCurrent(name, version, registered) || !registered && !upcasters.reads(name)) {
      return List.of(deserialize(serialized)); // the common case, read without a tree
    }
    ObjectNode payload;
    try {
      payload = mapper.readValue(serialized.data(), ObjectNode.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw UpcastingException.notAnObject(name, version, e);
    }
    var events = new ArrayList<Object>();
    for (JsonEvent event :
        upcasters.upcast(
            new JsonEvent(name, version, payload), metadata, registry.entries()::containsKey)) {
      Class<?> type = registry.typeOf(event.type());
      try {
        events.add(checked(event.type(), type, mapper.treeToValue(event.payload(), type)));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw SerializationException.cannotDeserialize(event.type(), e);
      }
    }
    return events;
  }

  private static Object checked(String name, Class<?> type, Object event) {
    if (!type.isInstance(event)) {
      throw SerializationException.cannotDeserialize(
          name,
          new IllegalArgumentException(
              "the data makes " + describe(event) + ", not a " + type.getName()));
    }
    return event;
  }

  /**
   * Writes a value that is not an event, such as a snapshot's state, as JSON with this serializer's
   * mapper.
   *
   * @param value the value
   * @return the JSON
   * @throws SerializationException if the mapper cannot write the value
   */
  public String serializeValue(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw SerializationException.cannotSerialize(value.getClass(), e);
    }
  }

  /**
   * Reads a value that is not an event, such as a snapshot's state, as the class the caller names;
   * as with events, the data never names a class to instantiate.
   *
   * @param json the JSON
   * @param type the value's class
   * @param <T> the value's type
   * @return the value
   * @throws SerializationException if the JSON does not make a value of that class
   */
  public <T> T deserializeValue(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    Object value;
    try {
      value = mapper.readValue(json, type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw SerializationException.cannotDeserialize(type.getName(), e);
    }
    if (!type.isInstance(value)) {
      throw SerializationException.cannotDeserialize(
          type.getName(),
          new IllegalArgumentException(
              "the data makes " + describe(value) + ", not a " + type.getName()));
    }
    return type.cast(value);
  }

  /**
   * Serializes metadata as a JSON object of strings.
   *
   * @param metadata the metadata
   * @return the JSON object, such as {@code {"user":"u-1"}}
   * @throws SerializationException if the metadata cannot be written
   */
  public String serializeMetadata(Metadata metadata) {
    Objects.requireNonNull(metadata, "metadata");
    try {
      return METADATA_MAPPER.writeValueAsString(metadata.values());
    } catch (JsonProcessingException e) {
      throw SerializationException.cannotSerialize(Metadata.class, e);
    }
  }

  /**
   * Deserializes metadata from a JSON object of strings.
   *
   * @param json the JSON object
   * @return the metadata
   * @throws SerializationException naming "metadata" if the text is not a JSON object of strings
   */
  public Metadata deserializeMetadata(String json) {
    Objects.requireNonNull(json, "json");
    if (json.equals("{}")) {
      return Metadata.empty(); // the common case, read without a parser
    }
    var values = new LinkedHashMap<String, String>();
    try (JsonParser parser = METADATA_MAPPER.createParser(json)) {
      JsonToken start = parser.nextToken();
      if (start != JsonToken.START_OBJECT) {
        throw notMetadata("the data is " + start + ", not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
          throw notMetadata("the value of key '" + key + "' is not a string");
        }
        if (values.put(key, parser.getText()) != null) {
          throw notMetadata("key '" + key + "' appears twice");
        }
      }
      if (parser.nextToken() != null) {
        throw notMetadata("the data goes on after the JSON object");
      }
    } catch (IOException e) {
      throw SerializationException.cannotDeserialize(METADATA, e);
    }
    return Metadata.of(values);
  }

  private static SerializationException notMetadata(String problem) {
    return SerializationException.cannotDeserialize(
        METADATA, new IllegalArgumentException(problem));
  }

  private static String describe(Object value) {
    return value == null ? "JSON null" : "a " + value.getClass().getName();
  }
}
