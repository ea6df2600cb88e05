package dev.boulevard.opentelemetry;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.readmodel.projection.ProjectionObserver;
import dev.boulevard.tracing.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Boulevard's OpenTelemetry spans: for command dispatch, append and projection batch, joined into
 * one trace through the W3C trace context that events carry in their metadata (install {@link
 * dev.boulevard.tracing.TraceContextEnricher} on the repositories, so that they do).
 *
 * <pre>{@code
 * BoulevardTracing tracing = BoulevardTracing.of(openTelemetry);
 * CommandBus bus = tracing.trace(new CorrelatingCommandBus(new SimpleCommandBus()));
 * EventStore store = tracing.trace(jdbcStore, "events");
 * Projections.builder(jdbcStore, storage).observe(tracing.projectionObserver())...
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class BoulevardTracing {

  /** The instrumentation scope name of Boulevard's tracer. */
  public static final String INSTRUMENTATION_NAME = "dev.boulevard";

  private final Tracer tracer;

  private BoulevardTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Makes the spans with a tracer of the given OpenTelemetry, named {@value #INSTRUMENTATION_NAME}.
   *
   * @param openTelemetry the OpenTelemetry instance, such as the SDK or {@code
   *     GlobalOpenTelemetry.get()}
   * @return the tracing
   */
  public static BoulevardTracing of(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new BoulevardTracing(openTelemetry.getTracer(INSTRUMENTATION_NAME));
  }

  /**
   * Wraps a command bus so that each command runs in a span of its own, which the events it records
   * carry as their trace context.
   *
   * @param bus the bus, outermost of Boulevard's decorators so that queued commands are traced too
   * @return the traced bus
   */
  public CommandBus trace(CommandBus bus) {
    return new TracingCommandBus(Objects.requireNonNull(bus, "bus"), tracer);
  }

  /**
   * Wraps an event store so that each append runs in a span of its own.
   *
   * @param store the store
   * @param name the store's name for the span, such as its table; not blank
   * @return the traced store
   */
  public EventStore trace(EventStore store, String name) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A traced store needs a name for its spans");
    }
    return new TracingEventStore(store, name, tracer);
  }

  /**
   * {@return the observer that opens a span per projection batch, for {@code
   * ProjectionsBuilder.observe} and {@code SagasBuilder.observe}}
   */
  public ProjectionObserver projectionObserver() {
    return new TracingProjectionObserver(tracer);
  }

  /**
   * Makes an OpenTelemetry context whose remote parent is a Boulevard trace context, for spans of
   * one's own in a projector or process manager.
   *
   * @param context the trace context, such as {@code TraceContext.current()} or an event's
   * @return the OpenTelemetry context to start a span under
   */
  public static Context toContext(TraceContext context) {
    return TraceContexts.toOpenTelemetry(Objects.requireNonNull(context, "context"));
  }

  /**
   * Reads the trace context of an OpenTelemetry context's span, for dispatching a command under it
   * without {@link #trace(CommandBus)}.
   *
   * @param context the OpenTelemetry context, such as {@code Context.current()}
   * @return its trace context, or empty if it has no valid span
   */
  public static Optional<TraceContext> fromContext(Context context) {
    return TraceContexts.fromOpenTelemetry(Objects.requireNonNull(context, "context"));
  }
}
