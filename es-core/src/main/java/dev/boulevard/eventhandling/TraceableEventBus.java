package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.internal.MessageRecorder;
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
  private final MessageRecorder recorder = new MessageRecorder();

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
    recorder.record(stream);
    delegate.publish(stream);
  }

  /** Starts recording published events. */
  public void trace() {
    recorder.trace();
  }

  /** {@return the payloads of the events published since tracing started, in order} */
  public List<Object> events() {
    return recorder.payloads();
  }

  /** {@return the messages published since tracing started, in order} */
  public List<DomainMessage> messages() {
    return recorder.messages();
  }

  /** Forgets the recorded events; tracing goes on if it was on. */
  public void clearEvents() {
    recorder.clear();
  }
}
