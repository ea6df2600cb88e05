package dev.boulevard.opentelemetry;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Opens a span for each command dispatched through it, a child of the current OpenTelemetry span or
 * else of the current {@link TraceContext}, and makes it both OpenTelemetry's current span and
 * Boulevard's current trace context while the command runs, so that the events it records carry it.
 * Thread-safe when the wrapped bus is.
 */
final class TracingCommandBus implements CommandBus {

  private final CommandBus delegate;
  private final Tracer tracer;

  TracingCommandBus(CommandBus delegate, Tracer tracer) {
    this.delegate = delegate;
    this.tracer = tracer;
  }

  @Override
  public void subscribe(CommandHandler handler) {
    delegate.subscribe(handler);
  }

  @Override
  public DispatchResult dispatch(Object command) {
    String type = command.getClass().getSimpleName();
    Span span =
        tracer
            .spanBuilder("dispatch " + type)
            .setParent(TraceContexts.parent())
            .setAttribute(SpanNames.COMMAND_TYPE, command.getClass().getName())
            .startSpan();
    Scope scope = span.makeCurrent();
    try {
      TraceContext context =
          TraceContexts.fromOpenTelemetry(io.opentelemetry.context.Context.current()).orElse(null);
      return TraceContext.callWith(context, () -> delegate.dispatch(command));
    } catch (RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }
}
