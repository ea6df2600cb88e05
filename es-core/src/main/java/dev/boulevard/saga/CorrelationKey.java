package dev.boulevard.saga;

import dev.boulevard.domain.DomainMessage;
import java.util.Objects;

/**
 * Says which process an event belongs to: events with the same key share one process and its state.
 *
 * @param <E> the event's type
 */
@FunctionalInterface
public interface CorrelationKey<E> {

  /**
   * Finds the key of an event.
   *
   * @param event the event
   * @param message the message that carries it
   * @return the key: 1 to 255 characters
   */
  String of(E event, DomainMessage message);

  /**
   * {@return the key that correlates by the id of the aggregate that recorded the event}
   *
   * @param <E> the event's type
   */
  static <E> CorrelationKey<E> aggregateId() {
    return (event, message) -> message.aggregateId();
  }

  /**
   * Returns the key that correlates by a metadata value of the event's message.
   *
   * @param metadataKey the metadata key, such as {@code correlation_id}
   * @param <E> the event's type
   * @return the key; an event whose metadata lacks the value cannot be correlated and fails
   */
  static <E> CorrelationKey<E> metadata(String metadataKey) {
    Objects.requireNonNull(metadataKey, "metadataKey");
    return (event, message) -> message.metadata().get(metadataKey).orElse(null);
  }
}
