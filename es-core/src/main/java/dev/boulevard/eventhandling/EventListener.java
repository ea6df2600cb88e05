package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainMessage;

/**
 * Reacts to the messages an {@link EventBus} publishes.
 *
 * <p>Implementations say whether they are thread-safe; a listener subscribed to a bus that several
 * threads publish on must be.
 */
@FunctionalInterface
public interface EventListener {

  /**
   * Handles one published message.
   *
   * @param message the message
   */
  void handle(DomainMessage message);
}
