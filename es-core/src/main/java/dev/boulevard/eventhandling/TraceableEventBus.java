package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Wraps an event bus and records what is published through it once {@link #trace()} was called, for
 * tests that check which events a piece of code published.
 *
 * <p>A stream is recorded when it is published, before the wrapped bus delivers it, so the record
 * keeps the order of publishing even when a listener publishes again. Thread-safe when the wrapped
 * bus is.
 */
public final class TraceableEventBus implements EventBus {

  private final EventBus delegate;
  private final List<DomainMessage> recorded = new ArrayList<>();
  private boolean tracing;

  /** Wraps a new {@link SimpleEventBus}. */
  public TraceableEventBus() {
    this(new SimpleEventBus());
  }

  /**
   * Wraps a bus.
   *
   * @param delegate the bus that really publishes
   */
  public TraceableEventBus(EventBus delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void subscribe(EventListener listener) {
    delegate.subscribe(listener);
  }

  /** Records the stream when tracing, then publishes it through the wrapped bus. */
  @Override
  public void publish(DomainEventStream stream) {
    Objects.requireNonNull(stream, "stream");
    synchronized (recorded) {
      if (tracing) {
        recorded.addAll(stream.messages());
      }
    }
    delegate.publish(stream);
  }

  /** Starts recording published messages. */
  public void trace() {
    synchronized (recorded) {
      tracing = true;
    }
  }

  /** {@return the payloads of the messages published since tracing started, in order} */
  public List<Object> events() {
    return messages().stream().map(DomainMessage::payload).toList();
  }

  /** {@return the messages published since tracing started, in order} */
  public List<DomainMessage> messages() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Forgets the recorded messages; tracing goes on if it was on. */
  public void clear() {
    synchronized (recorded) {
      recorded.clear();
    }
  }
}
