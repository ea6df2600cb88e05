package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.serializer.EventTypeRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link JacksonSerializer} with the current version of each event type and the upcasters
 * that bring older stored versions up to it; not thread-safe.
 *
 * <pre>{@code
 * JacksonSerializer serializer = JacksonSerializer.builder(registry)
 *     .currentVersion("money.deposited", 3)
 *     .upcaster("money.deposited", 1, (event, metadata) -> List.of(event.nextVersion(...)))
 *     .upcaster("money.deposited", 2, (event, metadata) -> List.of(event.nextVersion(...)))
 *     .upcaster("cash.paid", 1, (event, metadata) -> List.of(event.renamed("money.deposited", 2)))
 *     .build();
 * }</pre>
 */
public final class JacksonSerializerBuilder {

  private final EventTypeRegistry registry;
  private ObjectMapper mapper = JacksonMappers.defaults();
  private final Map<String, Integer> currentVersions = new LinkedHashMap<>();
  private final Map<UpcasterChain.Key, Upcaster> upcasters = new LinkedHashMap<>();

  JacksonSerializerBuilder(EventTypeRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Sets the mapper, of which the serializer keeps a copy; the {@link JacksonMappers#defaults()
   * default mapper} unless set.
   *
   * @param objectMapper the configured mapper
   * @return this builder
   */
  public JacksonSerializerBuilder objectMapper(ObjectMapper objectMapper) {
    this.mapper = Objects.requireNonNull(objectMapper, "objectMapper");
    return this;
  }

  /**
   * Sets the version that events of a registered type are written in now; 1 unless set.
   *
   * @param type a type name registered in the registry
   * @param version 1 or more
   * @return this builder
   * @throws IllegalArgumentException if the type is not registered, its version is set already, or
   *     the version is below 1
   */
  public JacksonSerializerBuilder currentVersion(String type, int version) {
    registry.typeOf(Objects.requireNonNull(type, "type")); // throws for an unregistered name
    if (version < 1) {
      throw new IllegalArgumentException(
          "The current version of event type '" + type + "' is 1 or more, was " + version);
    }
    if (currentVersions.putIfAbsent(type, version) != null) {
      throw new IllegalArgumentException(
          "The current version of event type '" + type + "' is set already");
    }
    return this;
  }

  /**
   * Registers the upcaster that reads one stored version of a type, registered or not (an old name
   * that a rename replaced, or the type of a split event).
   *
   * @param type the type name it reads
   * @param version the version it reads, 1 or more
   * @param upcaster turns such an event into the next form
   * @return this builder
   * @throws IllegalArgumentException if an upcaster of that type and version is registered already,
   *     or the version is below 1
   */
  public JacksonSerializerBuilder upcaster(String type, int version, Upcaster upcaster) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(upcaster, "upcaster");
    if (version < 1) {
      throw new IllegalArgumentException(
          "An upcaster reads version 1 or more of event type '" + type + "', not " + version);
    }
    if (upcasters.putIfAbsent(new UpcasterChain.Key(type, version), upcaster) != null) {
      throw new IllegalArgumentException(
          "An upcaster of version " + version + " of event type '" + type + "' is registered");
    }
    return this;
  }

  /**
   * {@return the serializer}
   *
   * @throws IllegalArgumentException if an upcaster reads the current version of a registered type,
   *     or a newer one, and so would never run or run on what this code writes
   */
  public JacksonSerializer build() {
    for (UpcasterChain.Key key : upcasters.keySet()) {
      int current = currentVersions.getOrDefault(key.type(), 1);
      if (registry.entries().containsKey(key.type()) && key.version() >= current) {
        throw new IllegalArgumentException(
            "The upcaster of version "
                + key.version()
                + " of event type '"
                + key.type()
                + "' reads what this code writes: the type's current version is "
                + current
                + "; raise it with currentVersion(...)");
      }
    }
    return new JacksonSerializer(registry, mapper, new UpcasterChain(currentVersions, upcasters));
  }
}
