package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;

/** Publishes event streams to the listeners subscribed to it. */
public interface EventBus {

  /**
   * Subscribes a listener to the streams published from now on.
   *
   * @param listener the listener
   */
  void subscribe(EventListener listener);

  /**
   * Publishes every message of the stream, in order, to the subscribed listeners.
   *
   * @param stream the messages to publish
   */
  void publish(DomainEventStream stream);
}
