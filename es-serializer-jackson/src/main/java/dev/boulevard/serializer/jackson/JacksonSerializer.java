package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.UnknownEventTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * another), and {@link #deserialize(SerializedEvent, Metadata)} brings an older stored version up
 * to it through the registered {@link Upcaster}s, on the JSON, before any class is involved.
 */
public final class JacksonSerializer implements Serializer {

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

  /**
   * {@inheritDoc}
   *
   * <p>For a registered class: its name, and every name that an upcaster reads, since a rename or a
   * split may turn any of them into it.
   */
  @Override
  public Optional<String> typeNameOf(Class<?> eventClass) {
    return registry.findName(Objects.requireNonNull(eventClass, "eventClass"));
  }

  @Override
  public Set<String> storedTypeNames(Class<?> eventClass) {
    Objects.requireNonNull(eventClass, "eventClass");
    return registry
        .findName(eventClass)
        .map(
            name -> {
              var names = new TreeSet<String>(upcasters.sourceTypes());
              names.add(name);
              return Set.copyOf(names);
            })
        .orElse(Set.of());
  }

  @Override
  public SerializedEvent serialize(Object event) {
    Objects.requireNonNull(event, "event");
    String type = registry.nameOf(event.getClass());
    try {
      return new SerializedEvent(
          type, upcasters.currentVersion(type), mapper.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw SerializationException.cannotSerialize(event.getClass(), e);
    }
  }

  /**
   * Reads a stored event of any version: upcasts it to the current version of a registered type,
   * into several events if an upcaster splits it, and deserializes each.
   *
   * @param serialized the stored type name, the version it was stored in and its JSON
   * @param metadata the stored metadata, which upcasters may read
   * @return the events, in order; one unless an upcaster split it
   * @throws UnknownEventTypeException if the type is neither registered nor read by an upcaster
   * @throws UpcastingException if no chain of upcasters leads to a current, registered type
   * @throws SerializationException if the data does not make an event of the resulting type
   */
  @Override
  public List<Object> deserialize(SerializedEvent serialized, Metadata metadata) {
    Objects.requireNonNull(serialized, "serialized");
    Objects.requireNonNull(metadata, "metadata");
    String name = serialized.type();
    int version = serialized.version();
    boolean registered = registry.entries().containsKey(name);
    if (upcasters.isCurrent(name, version, registered) || !registered && !upcasters.reads(name)) {
      return List.of(readCurrent(serialized)); // the common case, read without a tree
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
        events.add(ReadCheck.as(event.type(), type, mapper.treeToValue(event.payload(), type)));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw SerializationException.cannotDeserialize(event.type(), e);
      }
    }
    return events;
  }

  /** Reads an event stored in the current version of its type, or names the unknown type. */
  private Object readCurrent(SerializedEvent serialized) {
    Class<?> type = registry.typeOf(serialized.type());
    Object event;
    try {
      event = mapper.readValue(serialized.data(), type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw SerializationException.cannotDeserialize(serialized.type(), e);
    }
    return ReadCheck.as(serialized.type(), type, event);
  }
}
