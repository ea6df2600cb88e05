package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.LoggedMessage;
import java.util.List;

/**
 * Where a sink projection delivers its events instead of writing read models: a message broker,
 * typically. The runtime reads a batch from the projection's checkpoint, hands it here, and moves
 * the checkpoint past it only once this method has returned, so that nothing is ever skipped; after
 * a crash, a lost lease or a failed delivery the events since the checkpoint are delivered again,
 * and the receiving side drops what it already has (by event id).
 *
 * <p>Called from one thread at a time per segment; implementations shared by several segments are
 * thread-safe.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Delivers events in their order and returns once every one of them is acknowledged.
   *
   * @param events the batch's events of this segment, in the global log's order; never empty
   * @throws RefusedEventException if one event can never be delivered (it cannot be encoded, or the
   *     receiver refuses it): those before it count as delivered, and the projection parks at it
   *     after its retries, to be resumed or skipped
   * @throws RuntimeException if the delivery failed for now, such as a broker out of reach: the
   *     whole batch is delivered again after a pause, for as long as it takes
   */
  void deliver(List<LoggedMessage> events);
}
