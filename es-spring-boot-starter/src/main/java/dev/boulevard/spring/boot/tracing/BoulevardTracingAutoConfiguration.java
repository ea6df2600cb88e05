package dev.boulevard.spring.boot.tracing;

import dev.boulevard.opentelemetry.BoulevardTracing;
import dev.boulevard.spring.boot.BoulevardAutoConfiguration;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Opens es-opentelemetry's spans (command dispatch, append, projection batch) through the
 * application's {@link OpenTelemetry} bean; off with {@code boulevard.tracing.enabled=false}, and
 * idle when the application has no such bean.
 */
@AutoConfiguration(before = BoulevardAutoConfiguration.class)
@ConditionalOnClass({BoulevardTracing.class, OpenTelemetry.class})
@ConditionalOnProperty(name = "boulevard.tracing.enabled", matchIfMissing = true)
public class BoulevardTracingAutoConfiguration {

  /** Created by Spring. */
  public BoulevardTracingAutoConfiguration() {}

  /**
   * The customizer that installs the spans, on the OpenTelemetry bean when it is made.
   *
   * @param openTelemetry the application's OpenTelemetry, if it has one
   * @return the customizer
   */
  @Bean
  public BoulevardCustomizer boulevardTracingCustomizer(
      ObjectProvider<OpenTelemetry> openTelemetry) {
    return new TracingCustomizer(openTelemetry);
  }
}
