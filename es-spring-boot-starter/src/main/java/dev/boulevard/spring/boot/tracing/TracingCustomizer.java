package dev.boulevard.spring.boot.tracing;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.opentelemetry.BoulevardTracing;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.saga.SagasBuilder;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Installs es-opentelemetry's spans, or nothing when there is no OpenTelemetry bean. */
final class TracingCustomizer implements BoulevardCustomizer {

  private final ObjectProvider<OpenTelemetry> openTelemetry;
  private volatile Optional<BoulevardTracing> tracing;

  TracingCustomizer(ObjectProvider<OpenTelemetry> openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  private Optional<BoulevardTracing> tracing() {
    Optional<BoulevardTracing> bound = tracing;
    if (bound == null) {
      synchronized (this) {
        bound = tracing;
        if (bound == null) {
          bound = Optional.ofNullable(openTelemetry.getIfUnique()).map(BoulevardTracing::of);
          tracing = bound;
        }
      }
    }
    return bound;
  }

  @Override
  public EventStore repositoryStore(EventStore store, String table) {
    return tracing().map(t -> t.trace(store, table)).orElse(store);
  }

  @Override
  public CommandBus commandBus(CommandBus bus) {
    return tracing().map(t -> t.trace(bus)).orElse(bus);
  }

  @Override
  public void projections(ProjectionsBuilder builder) {
    tracing().ifPresent(t -> builder.observe(t.projectionObserver()));
  }

  @Override
  public void sagas(SagasBuilder builder) {
    tracing().ifPresent(t -> builder.observe(t.projectionObserver()));
  }
}
