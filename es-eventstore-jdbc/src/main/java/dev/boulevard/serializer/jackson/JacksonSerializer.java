package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Serializes events to plain JSON with Jackson; immutable and thread-safe.
 *
 * <p>The stored type of an event is the name its class has in the {@link EventTypeRegistry}, never
 * a class name, and reading looks the class up by that name only. A stored payload can never name a
 * class to instantiate: a mapper with default typing activated is refused, and class-name type ids
 * ({@code @JsonTypeInfo(use = CLASS)} or {@code MINIMAL_CLASS}) are rejected on reading; use {@code
 * Id.NAME} with registered subtypes instead.
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

  /**
   * Creates a serializer that uses the {@link #defaultObjectMapper() default mapper}.
   *
   * @param registry the stored names of the event classes
   */
  public JacksonSerializer(EventTypeRegistry registry) {
    this(registry, defaultObjectMapper());
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
    this.registry = Objects.requireNonNull(registry, "registry");
    this.mapper = copyWithoutClassNames(Objects.requireNonNull(mapper, "mapper"));
  }

  /** {@return the registry that names the stored types} */
  public EventTypeRegistry registry() {
    return registry;
  }

  /**
   * Creates the mapper used unless another is given: records and {@code java.time} types supported,
   * dates written as ISO-8601 strings, and strict reading that fails on unknown properties,
   * trailing tokens, nulls for primitives and coerced scalars (such as a string for a number).
   *
   * @return a new mapper, which the caller may configure further
   */
  public static ObjectMapper defaultObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
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
    if (!type.isInstance(event)) {
      throw SerializationException.cannotDeserialize(
          serialized.type(),
          new IllegalArgumentException(
              "the data makes " + describe(event) + ", not a " + type.getName()));
    }
    return event;
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

  private static ObjectMapper copyWithoutClassNames(ObjectMapper mapper) {
    ObjectMapper copy;
    try {
      copy = mapper.copy();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "The ObjectMapper cannot be copied: "
              + mapper.getClass().getName()
              + " must override copy()",
          e);
    }
    if (copy.getSerializationConfig().getDefaultTyper(null) != null
        || copy.getDeserializationConfig().getDefaultTyper(null) != null) {
      throw new IllegalArgumentException(
          "The ObjectMapper has default typing activated, which lets stored data name a class to"
              + " instantiate: deactivate it and rely on the EventTypeRegistry");
    }
    return copy.setPolymorphicTypeValidator(new DenyingClassNames());
  }

  private static SerializationException notMetadata(String problem) {
    return SerializationException.cannotDeserialize(
        METADATA, new IllegalArgumentException(problem));
  }

  private static String describe(Object value) {
    return value == null ? "JSON null" : "a " + value.getClass().getName();
  }

  /** Rejects every class-name type id, so that stored data cannot pick a class to instantiate. */
  private static final class DenyingClassNames extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
      return Validity.DENIED;
    }

    @Override
    public Validity validateSubClassName(
        MapperConfig<?> config, JavaType baseType, String subClassName) {
      return Validity.DENIED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return Validity.DENIED;
    }
  }
}
