package dev.boulevard.opentelemetry;

import dev.boulevard.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Converts between Boulevard's {@link TraceContext} and OpenTelemetry's, through W3C headers. */
final class TraceContexts {

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  // W3C extraction asks for its two headers by name only: keys() is not needed.
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private static final TextMapSetter<Map<String, String>> SETTER =
      (carrier, key, value) -> {
        if (carrier != null) {
          carrier.put(key, value);
        }
      };

  private TraceContexts() {}

  /** {@return an OpenTelemetry context whose remote parent is the given trace context} */
  static Context toOpenTelemetry(TraceContext context) {
    var headers = new HashMap<String, String>();
    headers.put(TraceContext.TRACEPARENT, context.traceparent());
    if (!context.tracestate().isEmpty()) {
      headers.put(TraceContext.TRACESTATE, context.tracestate());
    }
    return W3C.extract(Context.root(), headers, GETTER);
  }

  /** {@return the span context of a trace context, remote} */
  static SpanContext spanContext(TraceContext context) {
    return Span.fromContext(toOpenTelemetry(context)).getSpanContext();
  }

  /** {@return the trace context of an OpenTelemetry context's span, if it has a valid one} */
  static Optional<TraceContext> fromOpenTelemetry(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return Optional.empty();
    }
    var headers = new HashMap<String, String>();
    W3C.inject(context, headers, SETTER);
    String parent = headers.get(TraceContext.TRACEPARENT);
    if (parent == null) {
      return Optional.empty();
    }
    return Optional.of(
        TraceContext.parse(parent, headers.getOrDefault(TraceContext.TRACESTATE, "")));
  }

  /** {@return the parent for new work: the current OpenTelemetry context, else Boulevard's} */
  static Context parent() {
    Context current = Context.current();
    if (Span.fromContext(current).getSpanContext().isValid()) {
      return current;
    }
    return TraceContext.current().map(TraceContexts::toOpenTelemetry).orElse(current);
  }
}
