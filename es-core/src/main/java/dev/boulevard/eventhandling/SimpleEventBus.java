package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;

/**
 * An event bus that hands each message, on the publishing thread, to every subscribed listener in
 * subscription order.
 *
 * <p>A stream published from inside a listener is queued and delivered after the current stream
 * reached every listener, before the outermost {@link #publish} returns. A listener's exception
 * propagates to the publisher; the later listeners and any queued streams then get nothing, and the
 * bus keeps working for later publishes. Thread-safe: different threads publish concurrently, each
 * with a queue of its own, and listeners may be subscribed at any time.
 */
public final class SimpleEventBus implements EventBus {

  private final QueuedDelivery delivery = new QueuedDelivery(EventListener::handle);

  /** Creates a bus with no listeners. */
  public SimpleEventBus() {}

  @Override
  public void subscribe(EventListener listener) {
    delivery.subscribe(listener);
  }

  @Override
  public void publish(DomainEventStream stream) {
    delivery.publish(stream);
  }
}
