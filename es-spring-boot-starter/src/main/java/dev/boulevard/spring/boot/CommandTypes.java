package dev.boulevard.spring.boot;

import dev.boulevard.serializer.EventTypeRegistry;
import java.util.Objects;

/**
 * Declares the command classes that the application's process managers send, with the names the
 * outbox stores them under; needed as soon as a {@link dev.boulevard.saga.ProcessManager} bean is
 * declared. Several are merged. Immutable and thread-safe.
 *
 * @param registry the command classes with their stored names
 */
public record CommandTypes(EventTypeRegistry registry) {

  /** Rejects a null registry. */
  public CommandTypes {
    Objects.requireNonNull(registry, "registry");
  }

  /**
   * Declares the commands of a registry.
   *
   * @param registry the command classes with their stored names
   * @return the declaration
   */
  public static CommandTypes of(EventTypeRegistry registry) {
    return new CommandTypes(registry);
  }
}
