package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import java.util.Objects;

/**
 * An event bus like {@link SimpleEventBus}, except that a listener that throws does not stop the
 * others: its failure goes to a {@link ListenerFailureHandler}, which logs it by default, and every
 * other listener and message is still delivered.
 *
 * <p>Use it where a broken read model must not fail the command that published the events; the
 * tracking projections, not this bus, are what brings such a read model up to date again. Errors
 * (not exceptions) and a failure handler's own exceptions still propagate to the publisher.
 * Thread-safe when the failure handler is: different threads publish concurrently, each with a
 * queue of its own.
 */
public final class IsolatingEventBus implements EventBus {

  private final ListenerFailureHandler failureHandler;
  private final QueuedDelivery delivery = new QueuedDelivery(this::deliverIsolated);

  /** Creates a bus that logs each listener's failure through SLF4J. */
  public IsolatingEventBus() {
    this(ListenerFailureHandler.logging());
  }

  /**
   * Creates a bus that reports each listener's failure to the given handler.
   *
   * @param failureHandler told of each failure
   */
  public IsolatingEventBus(ListenerFailureHandler failureHandler) {
    this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
  }

  @Override
  public void subscribe(EventListener listener) {
    delivery.subscribe(listener);
  }

  @Override
  public void publish(DomainEventStream stream) {
    delivery.publish(stream);
  }

  private void deliverIsolated(EventListener listener, DomainMessage message) {
    try {
      listener.handle(message);
    } catch (RuntimeException e) {
      failureHandler.onFailure(listener, message, e);
    }
  }
}
