/**
 * A consumer of every Boulevard library module, as a modular application declares it: the build
 * compiles it with -Xlint:all -Werror and runs its tests on the module path.
 */
module dev.boulevard.consumercheck {
  requires dev.boulevard.eventstore.jdbc; // brings dev.boulevard.core, java.sql and Jdbi
  requires dev.boulevard.serializer.jackson; // brings Jackson databind
  requires dev.boulevard.readmodel;
  requires dev.boulevard.core;
  requires dev.boulevard.eventstore.inmemory;
  requires dev.boulevard.readmodel.jdbc;
  requires dev.boulevard.messaging;
  requires dev.boulevard.messaging.kafka;
  requires dev.boulevard.messaging.nats;
  requires dev.boulevard.test;
  requires dev.boulevard.micrometer;
  requires dev.boulevard.opentelemetry;
  requires dev.boulevard.spring.boot;

  // Boulevard's serializers, read-model stores and saga state are Jackson: let Jackson reflect on
  // your events, commands, read models and saga states, and nothing else.
  opens dev.boulevard.consumercheck to
      com.fasterxml.jackson.databind;
}
