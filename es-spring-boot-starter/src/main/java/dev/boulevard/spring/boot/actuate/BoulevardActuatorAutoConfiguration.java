package dev.boulevard.spring.boot.actuate;

import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.spring.boot.BoulevardAutoConfiguration;
import dev.boulevard.spring.boot.BoulevardProperties;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator parts, when the application has Actuator: the health indicator {@code boulevard} and
 * the endpoint {@code boulevard}, each switched on and off as Actuator's own are.
 */
@AutoConfiguration(after = BoulevardAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Projections.class)
public class BoulevardActuatorAutoConfiguration {

  /** Created by Spring. */
  public BoulevardActuatorAutoConfiguration() {}

  /**
   * The reader of the statuses that the indicator and the endpoint share.
   *
   * @param projections the projections' runner
   * @param sagas the process managers' runner, if there are process managers
   * @return the reader
   */
  @Bean
  @ConditionalOnMissingBean
  public Statuses boulevardStatuses(Projections projections, ObjectProvider<Sagas> sagas) {
    return new Statuses(projections, Optional.ofNullable(sagas.getIfAvailable()));
  }

  /** The health indicator, when Spring Boot's health support is present and it is enabled. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("boulevard")
  public static class Health {

    /** Created by Spring. */
    public Health() {}

    /**
     * The record of the watermark's holds that go on, which the store's readers keep.
     *
     * @return the record, installed on the JDBC store as a customizer
     */
    @Bean
    @ConditionalOnMissingBean
    public WatermarkHolds boulevardWatermarkHolds() {
      return new WatermarkHolds();
    }

    /**
     * The health indicator {@code boulevard}.
     *
     * @param statuses the reader of the statuses
     * @param holds the watermark's holds that go on
     * @param properties the settings, for the thresholds
     * @return the indicator
     */
    @Bean(name = "boulevardHealthIndicator")
    @ConditionalOnMissingBean(name = "boulevardHealthIndicator")
    public BoulevardHealthIndicator boulevardHealthIndicator(
        Statuses statuses, WatermarkHolds holds, BoulevardProperties properties) {
      return new BoulevardHealthIndicator(
          statuses,
          holds,
          properties.getHealth().getMaxBehind(),
          properties.getHealth().getMaxWatermarkHold());
    }
  }

  /**
   * The endpoint {@code boulevard}, when it is exposed.
   *
   * @param statuses the reader of the statuses
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public BoulevardEndpoint boulevardEndpoint(Statuses statuses) {
    return new BoulevardEndpoint(statuses);
  }

  /**
   * The endpoint's answers over HTTP, with statuses for errors.
   *
   * @param endpoint the endpoint
   * @return the extension
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(BoulevardEndpoint.class)
  @ConditionalOnAvailableEndpoint(endpoint = BoulevardEndpoint.class)
  public BoulevardEndpointWebExtension boulevardEndpointWebExtension(BoulevardEndpoint endpoint) {
    return new BoulevardEndpointWebExtension(endpoint);
  }
}
