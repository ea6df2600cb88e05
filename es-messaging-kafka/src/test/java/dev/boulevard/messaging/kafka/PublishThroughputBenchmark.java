package dev.boulevard.messaging.kafka;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.EnvelopeJson;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Publish throughput against the in-JVM broker: a {@link Publication} through {@link
 * KafkaTransport}, against Kafka's own producer sending the same records (same bodies, keys and
 * headers, idempotent, acks=all). Not part of the build: {@code mvn verify -pl es-messaging-kafka
 * -am -Dgroups=benchmark -Dtest=PublishThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PublishThroughputBenchmark {

  private static final int EVENTS = Integer.getInteger("benchmark.events", 50_000);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
  private static final int ACCOUNTS = 100;

  private final KafkaBroker broker = KafkaBroker.shared();

  @Test
  void publication_through_kafka_transport_against_kafkas_own_producer() throws Exception {
    InMemoryEventStore store = new InMemoryEventStore();
    for (int round = 0; round < EVENTS / ACCOUNTS; round++) {
      for (int account = 0; account < ACCOUNTS; account++) {
        store.append("acc-" + account, deposits("acc-" + account, round, 1));
      }
    }
    List<Envelope> envelopes = new ArrayList<>(EVENTS);
    store
        .read(Checkpoint.beginning(), EVENTS)
        .forEach(logged -> envelopes.add(Envelope.of(logged, 0, MessagingFixtures.SERIALIZER)));
    int size = EnvelopeJson.write(envelopes.get(0)).length;
    System.out.printf(
        "%d events of %d accounts, body %d bytes, %d cores, %s%n",
        EVENTS,
        ACCOUNTS,
        size,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"));
    for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
      String producer;
      try {
        producer = String.format("%.0f/s", producer(envelopes, "5"));
      } catch (java.util.concurrent.ExecutionException e) {
        producer = "failed (" + e.getCause().getClass().getSimpleName() + ")";
      }
      double oneInFlight = producer(envelopes, "1");
      double transport = transport(envelopes);
      double publication = publication(store);
      System.out.printf(
          (round == 0 ? "warm-up " : "")
              + "round %d: KafkaProducer %s, with 1 in flight %.0f/s,"
              + " KafkaTransport.send (batches of 500) %.0f/s, Publication %.0f/s%n",
          round,
          producer,
          oneInFlight,
          transport,
          publication);
    }
  }

  /** Sends all records at once, then waits for every acknowledgement. */
  private double producer(List<Envelope> envelopes, String inFlight) throws Exception {
    String topic = topic();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "enable.idempotence",
                "true",
                "acks",
                "all",
                "max.in.flight.requests.per.connection",
                inFlight,
                // a batch stuck in KAFKA-14359's retry loop fails the round after 15 s, not 120 s
                "request.timeout.ms",
                "10000",
                "delivery.timeout.ms",
                "15000"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      long start = System.nanoTime();
      List<Future<RecordMetadata>> acks = new ArrayList<>(envelopes.size());
      for (Envelope envelope : envelopes) {
        var headers = new RecordHeaders();
        envelope
            .headers()
            .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        acks.add(
            producer.send(
                new ProducerRecord<>(
                    topic,
                    null,
                    envelope.aggregateId().getBytes(StandardCharsets.UTF_8),
                    EnvelopeJson.write(envelope),
                    headers)));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      return rate(envelopes.size(), start);
    }
  }

  private double transport(List<Envelope> envelopes) throws Exception {
    try (var transport = KafkaTransport.builder(broker.bootstrapServers()).topic(topic()).build()) {
      long start = System.nanoTime();
      for (int from = 0; from < envelopes.size(); from += 500) {
        transport.send(envelopes.subList(from, Math.min(envelopes.size(), from + 500)));
      }
      return rate(envelopes.size(), start);
    }
  }

  private double publication(InMemoryEventStore store) throws Exception {
    try (var transport = KafkaTransport.builder(broker.bootstrapServers()).topic(topic()).build()) {
      Publication publication =
          Publication.named("out")
              .serializer(MessagingFixtures.SERIALIZER)
              .transport(transport)
              .build();
      try (var projections =
          Projections.builder(store, InMemoryReadModelStorage.create())
              .batchSize(500)
              .add(publication.projection())
              .build()) {
        long start = System.nanoTime();
        projections.start();
        assertThat(projections.awaitPosition(EVENTS, Duration.ofMinutes(5))).isTrue();
        return rate(EVENTS, start);
      }
    }
  }

  private String topic() throws Exception {
    String topic = "bench-" + UUID.randomUUID();
    broker.createTopic(topic, 3);
    return topic;
  }

  private static double rate(int events, long start) {
    return events / ((System.nanoTime() - start) / 1e9);
  }
}
