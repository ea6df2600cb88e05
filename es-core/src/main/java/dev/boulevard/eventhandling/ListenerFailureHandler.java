package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides what happens when a listener of an {@link IsolatingEventBus} throws. */
@FunctionalInterface
public interface ListenerFailureHandler {

  /**
   * Handles a listener's failure; if this throws, the exception propagates to the publisher.
   *
   * @param listener the listener that threw
   * @param message the message it was handling
   * @param error what it threw
   */
  void onFailure(EventListener listener, DomainMessage message, RuntimeException error);

  /** {@return a handler that logs each failure at ERROR through SLF4J, with the exception} */
  static ListenerFailureHandler logging() {
    Logger log = LoggerFactory.getLogger(IsolatingEventBus.class);
    return (listener, message, error) ->
        log.error(
            "Listener {} failed on {} of aggregate '{}' at playhead {}; the other listeners still"
                + " receive it",
            listener.getClass().getName(),
            message.payloadType().getName(),
            message.aggregateId(),
            message.playhead(),
            error);
  }
}
