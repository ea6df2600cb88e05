/**
 * Boulevard's core: domain messages, event-sourced aggregates, the event store API, buses, sagas,
 * auditing, observation hooks and the W3C trace context.
 */
module dev.boulevard.core {
  requires transitive org.jspecify;
  requires transitive org.slf4j;

  exports dev.boulevard;
  exports dev.boulevard.auditing;
  exports dev.boulevard.commandhandling;
  exports dev.boulevard.correlation;
  exports dev.boulevard.domain;
  exports dev.boulevard.eventdispatcher;
  exports dev.boulevard.eventhandling;
  exports dev.boulevard.eventsourcing;
  exports dev.boulevard.eventstore;
  exports dev.boulevard.eventstore.spi;
  exports dev.boulevard.idempotency;
  exports dev.boulevard.observation;
  exports dev.boulevard.repository;
  exports dev.boulevard.saga;
  exports dev.boulevard.serializer;
  exports dev.boulevard.snapshotting;
  exports dev.boulevard.tracing;
  exports dev.boulevard.unitofwork;
}
