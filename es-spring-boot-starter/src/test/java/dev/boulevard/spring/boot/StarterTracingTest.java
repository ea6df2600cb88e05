package dev.boulevard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.spring.boot.sample.AccountHandler.OpenAccount;
import dev.boulevard.spring.boot.tracing.BoulevardTracingAutoConfiguration;
import dev.boulevard.tracing.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StarterTracingTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  BoulevardAutoConfiguration.class, BoulevardTracingAutoConfiguration.class))
          .withUserConfiguration(Application.class)
          .withPropertyValues(
              "boulevard.event-store.table=bootstarter_traced_events",
              "boulevard.projections.table=bootstarter_traced_projections",
              "boulevard.projections.enabled=false");

  @BeforeAll
  static void dropTablesOfEarlierRuns() throws SQLException {
    StarterTables.dropAll();
  }

  @Test
  void a_dispatch_opens_a_span_and_its_events_carry_the_trace_in_their_metadata() {
    runner.run(
        context -> {
          String id = "acc-" + UUID.randomUUID();

          context.getBean(CommandBus.class).dispatch(new OpenAccount(id, "Ada"));

          List<SpanData> spans = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
          assertThat(spans).extracting(SpanData::getName).hasSize(2);
          SpanData dispatch =
              spans.stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().get();
          DomainMessage event = context.getBean(JdbcEventStore.class).load(id).iterator().next();
          assertThat(TraceContext.of(event))
              .map(TraceContext::traceId)
              .contains(dispatch.getTraceId());
        });
  }

  @Test
  void without_an_open_telemetry_bean_nothing_is_traced_and_the_events_carry_no_trace() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                BoulevardAutoConfiguration.class, BoulevardTracingAutoConfiguration.class))
        .withUserConfiguration(
            StarterConfigurationTest.Database.class,
            StarterConfigurationTest.Events.class,
            StarterConfigurationTest.DependingOnTheBuses.class)
        .withPropertyValues(
            "boulevard.event-store.table=bootstarter_traced_events",
            "boulevard.projections.table=bootstarter_traced_projections",
            "boulevard.projections.enabled=false")
        .run(
            context -> {
              String id = "acc-" + UUID.randomUUID();

              context.getBean(CommandBus.class).dispatch(new OpenAccount(id, "Ada"));

              DomainMessage event =
                  context.getBean(JdbcEventStore.class).load(id).iterator().next();
              assertThat(TraceContext.of(event)).isEmpty();
            });
  }

  @Configuration(proxyBeanMethods = false)
  @Import({
    StarterConfigurationTest.Database.class,
    StarterConfigurationTest.Events.class,
    StarterConfigurationTest.DependingOnTheBuses.class
  })
  static class Application {
    @Bean
    InMemorySpanExporter exporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    OpenTelemetry openTelemetry(InMemorySpanExporter exporter) {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();
    }
  }
}
