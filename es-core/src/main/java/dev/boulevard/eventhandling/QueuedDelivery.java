package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The listeners of an event bus and the per-thread queue that delivers streams to them one at a
 * time: a stream published from inside a listener waits until the current stream reached every
 * listener, and is delivered before the outermost publish returns.
 *
 * <p>If a delivery throws, the streams queued on that thread are dropped and the exception
 * propagates to the outermost publisher. Thread-safe: each thread has a queue of its own.
 */
final class QueuedDelivery {

  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Deque<DomainEventStream>> pending = new ThreadLocal<>();
  private final BiConsumer<EventListener, DomainMessage> delivery;

  /**
   * Creates a delivery with no listeners.
   *
   * @param delivery hands one message to one listener
   */
  QueuedDelivery(BiConsumer<EventListener, DomainMessage> delivery) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  void subscribe(EventListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void publish(DomainEventStream stream) {
    Objects.requireNonNull(stream, "stream");
    Deque<DomainEventStream> queue = pending.get();
    if (queue != null) {
      queue.addLast(stream);
      return;
    }
    queue = new ArrayDeque<>();
    queue.addLast(stream);
    pending.set(queue);
    try {
      for (var next = queue.pollFirst(); next != null; next = queue.pollFirst()) {
        deliver(next);
      }
    } finally {
      pending.remove();
    }
  }

  private void deliver(DomainEventStream stream) {
    for (DomainMessage message : stream) {
      for (EventListener listener : listeners) {
        delivery.accept(listener, message);
      }
    }
  }
}
