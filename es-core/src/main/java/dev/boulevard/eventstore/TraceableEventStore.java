package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.internal.MessageRecorder;
import java.util.List;
import java.util.Objects;

/**
 * Wraps an event store and records what is appended through it once {@link #trace()} was called,
 * for tests that check which events a piece of code stored.
 *
 * <p>Thread-safe when the wrapped store is.
 */
public final class TraceableEventStore implements EventStore {

  private final EventStore delegate;
  private final MessageRecorder recorder = new MessageRecorder();

  /**
   * Wraps a store.
   *
   * @param delegate the store that really stores the events
   */
  public TraceableEventStore(EventStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public DomainEventStream load(String aggregateId) {
    return delegate.load(aggregateId);
  }

  @Override
  public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
    return delegate.loadFromPlayhead(aggregateId, playhead);
  }

  /** Appends through the wrapped store and, when tracing, records the stream once it is stored. */
  @Override
  public AppendResult append(String aggregateId, DomainEventStream stream) {
    AppendResult appended = delegate.append(aggregateId, stream);
    recorder.record(stream);
    return appended;
  }

  /** Starts recording appended events. */
  public void trace() {
    recorder.trace();
  }

  /** {@return the payloads of the events appended since tracing started, in order} */
  public List<Object> events() {
    return recorder.payloads();
  }

  /** {@return the messages appended since tracing started, in order} */
  public List<DomainMessage> messages() {
    return recorder.messages();
  }

  /** Forgets the recorded events; tracing goes on if it was on. */
  public void clearEvents() {
    recorder.clear();
  }
}
