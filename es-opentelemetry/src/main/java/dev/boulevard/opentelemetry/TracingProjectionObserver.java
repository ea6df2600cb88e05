package dev.boulevard.opentelemetry;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.readmodel.projection.ProjectionBatch;
import dev.boulevard.readmodel.projection.ProjectionObserver;
import dev.boulevard.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a span for each projection batch, current on the worker's thread while the batch runs. When
 * every traced event of the batch carries the same trace context, the span is its child; otherwise
 * it is a root span linked to each distinct one, at most {@value #MAX_LINKS}. Thread-safe.
 */
final class TracingProjectionObserver implements ProjectionObserver {

  static final int MAX_LINKS = 32;

  private final Tracer tracer;

  TracingProjectionObserver(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public BatchObservation batchStarted(ProjectionBatch batch) {
    Set<TraceContext> traces = new LinkedHashSet<>();
    for (DomainMessage event : batch.events()) {
      TraceContext.of(event).ifPresent(traces::add);
      if (traces.size() > MAX_LINKS) {
        break;
      }
    }
    SpanBuilder builder =
        tracer
            .spanBuilder("projection " + batch.projection())
            .setAttribute(SpanNames.PROJECTION, batch.projection())
            .setAttribute(SpanNames.SEGMENT, (long) batch.segment())
            .setAttribute(SpanNames.EVENTS, (long) batch.events().size());
    if (traces.size() == 1) {
      builder.setParent(TraceContexts.toOpenTelemetry(traces.iterator().next()));
    } else {
      builder.setParent(Context.root());
      traces.stream()
          .limit(MAX_LINKS)
          .map(TraceContexts::spanContext)
          .filter(SpanContext::isValid)
          .forEach(builder::addLink);
    }
    Span span = builder.startSpan();
    Scope scope = span.makeCurrent();
    return end -> {
      try {
        span.setAttribute(SpanNames.TAKEN_IN, end.eventsTakenIn());
        span.setAttribute(SpanNames.OUTCOME, end.outcome().name().toLowerCase(Locale.ROOT));
        if (end.outcome() != BatchResult.OK) {
          span.setStatus(StatusCode.ERROR, end.error());
        }
      } finally {
        scope.close();
        span.end();
      }
    };
  }
}
