/**
 * Boulevard's Spring Boot starter: auto-configuration of the JDBC store, buses, repositories,
 * projections and process managers, with Actuator, metrics and tracing where present.
 *
 * <p>Spring's jars are automatic modules (named in their manifests), hence the suppressed warnings;
 * Actuator and OpenTelemetry are optional, and their types appear in the signatures of the parts
 * that run only when the application has them, hence {@code requires static transitive}; Spring
 * reads the configuration classes by reflection, hence the opened packages.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.boulevard.spring.boot {
  requires transitive dev.boulevard.core;
  requires transitive dev.boulevard.serializer.jackson;
  requires transitive dev.boulevard.eventstore.jdbc;
  requires transitive dev.boulevard.readmodel;
  requires transitive dev.boulevard.readmodel.jdbc;
  requires transitive dev.boulevard.micrometer;
  requires static transitive dev.boulevard.opentelemetry;
  requires transitive spring.beans;
  requires transitive spring.boot;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.context;
  requires spring.core;
  requires static transitive spring.boot.actuator;
  requires static transitive spring.boot.actuator.autoconfigure;
  requires static transitive spring.boot.health;
  requires static transitive io.opentelemetry.api;
  requires java.sql;

  exports dev.boulevard.spring.boot;
  exports dev.boulevard.spring.boot.actuate;
  exports dev.boulevard.spring.boot.metrics;
  exports dev.boulevard.spring.boot.tracing;

  opens dev.boulevard.spring.boot to
      spring.core,
      spring.beans,
      spring.context;
  opens dev.boulevard.spring.boot.actuate to
      spring.core,
      spring.beans,
      spring.context;
  opens dev.boulevard.spring.boot.metrics to
      spring.core,
      spring.beans,
      spring.context;
  opens dev.boulevard.spring.boot.tracing to
      spring.core,
      spring.beans,
      spring.context;
  opens dev.boulevard.spring.boot.internal to
      spring.core,
      spring.beans,
      spring.context;
}
