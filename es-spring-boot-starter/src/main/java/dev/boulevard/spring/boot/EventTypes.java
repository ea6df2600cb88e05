package dev.boulevard.spring.boot;

import dev.boulevard.serializer.EventTypeRegistry;
import java.util.Objects;

/**
 * Declares event classes and the names they are stored under to the starter's serializer. An
 * application may declare several, one per module; the starter merges them and refuses a name or a
 * class declared twice. Immutable and thread-safe.
 *
 * @param registry the event classes with their stored names
 */
public record EventTypes(EventTypeRegistry registry) {

  /** Rejects a null registry. */
  public EventTypes {
    Objects.requireNonNull(registry, "registry");
  }

  /**
   * Declares the events of a registry.
   *
   * @param registry the event classes with their stored names
   * @return the declaration
   */
  public static EventTypes of(EventTypeRegistry registry) {
    return new EventTypes(registry);
  }
}
