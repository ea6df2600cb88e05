package dev.boulevard.spring.boot.tracing;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.opentelemetry.BoulevardTracing;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.saga.SagasBuilder;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import io.opentelemetry.api.OpenTelemetry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/** Installs es-opentelemetry's spans, or nothing when there is no OpenTelemetry bean. */
final class TracingCustomizer implements BoulevardCustomizer {

  private final @Nullable BoulevardTracing tracing;

  /** Takes the application's OpenTelemetry when the customizer is made, as the store is built. */
  TracingCustomizer(ObjectProvider<OpenTelemetry> openTelemetry) {
    OpenTelemetry otel = openTelemetry.getIfUnique();
    this.tracing = otel == null ? null : BoulevardTracing.of(otel);
  }

  @Override
  public EventStore repositoryStore(EventStore store, String table) {
    return tracing == null ? store : tracing.trace(store, table);
  }

  @Override
  public CommandBus commandBus(CommandBus bus) {
    return tracing == null ? bus : tracing.trace(bus);
  }

  @Override
  public void projections(ProjectionsBuilder builder) {
    if (tracing != null) {
      builder.observe(tracing.projectionObserver());
    }
  }

  @Override
  public void sagas(SagasBuilder builder) {
    if (tracing != null) {
      builder.observe(tracing.projectionObserver());
    }
  }
}
