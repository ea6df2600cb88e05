package dev.boulevard.spring.boot.metrics;

import dev.boulevard.micrometer.BoulevardMetrics;
import dev.boulevard.spring.boot.BoulevardAutoConfiguration;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Measures the starter's store, projections and process managers into the application's {@link
 * MeterRegistry} (the meters of es-micrometer's {@link BoulevardMetrics}); off with {@code
 * boulevard.metrics.enabled=false}, and idle when the application has no registry.
 */
@AutoConfiguration(before = BoulevardAutoConfiguration.class)
@ConditionalOnClass({BoulevardMetrics.class, MeterRegistry.class})
@ConditionalOnProperty(name = "boulevard.metrics.enabled", matchIfMissing = true)
public class BoulevardMetricsAutoConfiguration {

  /** Created by Spring. */
  public BoulevardMetricsAutoConfiguration() {}

  /**
   * The customizer that installs the meters, bound to the registry when it is made.
   *
   * @param registries the application's meter registry, if it has one
   * @return the customizer
   */
  @Bean
  public BoulevardCustomizer boulevardMetricsCustomizer(ObjectProvider<MeterRegistry> registries) {
    return new MetricsCustomizer(registries);
  }
}
