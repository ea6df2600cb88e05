package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainMessage;

/** Receives the stored events that the management API visits. */
@FunctionalInterface
public interface EventVisitor {

  /**
   * Called once for each visited event, in global order.
   *
   * @param message the stored event
   */
  void doWithEvent(DomainMessage message);
}
