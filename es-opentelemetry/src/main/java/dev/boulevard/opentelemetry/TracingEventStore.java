package dev.boulevard.opentelemetry;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.observation.Outcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Opens a span for each append, a child of the current span (or trace context), naming the store,
 * the aggregate, the number of events and the outcome; a lost race for a playhead is outcome
 * conflict. Loads pass through untraced. Thread-safe when the wrapped store is.
 */
final class TracingEventStore implements EventStore {

  private final EventStore delegate;
  private final String store;
  private final Tracer tracer;

  TracingEventStore(EventStore delegate, String store, Tracer tracer) {
    this.delegate = delegate;
    this.store = store;
    this.tracer = tracer;
  }

  @Override
  public DomainEventStream load(String aggregateId) {
    return delegate.load(aggregateId);
  }

  @Override
  public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
    return delegate.loadFromPlayhead(aggregateId, playhead);
  }

  @Override
  public AppendResult append(String aggregateId, DomainEventStream stream) {
    Span span =
        tracer
            .spanBuilder("append " + store)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(TraceContexts.parent())
            .setAttribute(SpanNames.STORE, store)
            .setAttribute(SpanNames.AGGREGATE_ID, aggregateId)
            .setAttribute(SpanNames.EVENTS, (long) stream.size())
            .startSpan();
    Scope scope = span.makeCurrent();
    try {
      AppendResult appended = delegate.append(aggregateId, stream);
      span.setAttribute(SpanNames.OUTCOME, Outcome.OK.tag());
      return appended;
    } catch (DuplicatePlayheadException e) {
      span.setAttribute(SpanNames.OUTCOME, Outcome.CONFLICT.tag());
      span.recordException(e);
      throw e;
    } catch (RuntimeException | Error e) {
      span.setAttribute(SpanNames.OUTCOME, Outcome.ERROR.tag());
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }
}
