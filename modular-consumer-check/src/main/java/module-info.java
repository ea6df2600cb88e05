/**
 * A consumer of every Boulevard library module, as a modular application declares it: the build
 * compiles it with -Xlint:all -Werror and runs its tests on the module path.
 */
module dev.boulevard.consumercheck {
  requires dev.boulevard.core;
  requires dev.boulevard.serializer.jackson;
  requires dev.boulevard.eventstore.inmemory;
  requires dev.boulevard.eventstore.jdbc;
  requires dev.boulevard.readmodel;
  requires dev.boulevard.readmodel.jdbc;
  requires dev.boulevard.messaging;
  requires dev.boulevard.messaging.kafka;
  requires dev.boulevard.messaging.nats;
  requires dev.boulevard.test;
  requires dev.boulevard.micrometer;
  requires dev.boulevard.opentelemetry;
  requires dev.boulevard.spring.boot;

  // An application exports nothing; Jackson reads and writes its events and read models by
  // reflection, so it opens their package to Jackson alone.
  opens dev.boulevard.consumercheck to
      com.fasterxml.jackson.databind;
}
