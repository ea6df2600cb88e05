package dev.boulevard.messaging.nats;

import dev.boulevard.eventstore.contract.ContractMessages;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.EnvelopeJson;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Publish throughput of {@link NatsTransport} through a {@link Publication} against jnats' own
 * asynchronous JetStream publishing of messages of the same size and headers, on the machine's
 * server. Not part of the build (its name is not a test's); run it with {@code mvn -B -ntp test -pl
 * es-messaging-nats -am -Dtest=NatsThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class NatsThroughputBenchmark {

  private static final int RUNS = 5;
  private static final int EVENTS = 20_000;
  private static final int BATCH = 500;

  @Test
  void publication_against_plain_jetstream_async_publish() throws Exception {
    Connection connection = NatsTestServers.shared();
    try {
      Envelope sample = MessagingFixtures.deposit("acct-00", 0, 1); // the size of those below
      int body = EnvelopeJson.write(sample).length;
      System.out.printf(
          "NATS publish throughput, %d messages of %d bytes of body per run, %d runs,"
              + " %d cores, %s%n",
          EVENTS, body, RUNS, Runtime.getRuntime().availableProcessors(), Runtime.version());
      report("jnats publishAsync, all in flight", runs(() -> plain(connection, body, 0)));
      report(
          "jnats publishAsync, " + BATCH + " in flight",
          runs(() -> plain(connection, body, BATCH)));
      report("Publication, 100 aggregates", runs(() -> publication(connection, 100)));
      report("Publication, 1 aggregate", runs(() -> publication(connection, 1)));
    } finally {
      connection.close();
    }
  }

  private interface Run {
    double messagesPerSecond() throws Exception;
  }

  private static double[] runs(Run run) throws Exception {
    run.messagesPerSecond(); // warm-up
    double[] results = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      results[i] = run.messagesPerSecond();
    }
    return results;
  }

  private static void report(String what, double[] results) {
    double[] sorted = results.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-40s median %8.0f msg/s, min %8.0f, max %8.0f, runs %s%n",
        what,
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1],
        Arrays.toString(Arrays.stream(results).map(Math::rint).toArray()));
  }

  /** jnats alone: the same size and headers, acknowledgements awaited in windows. */
  private static double plain(Connection connection, int bodySize, int window) throws Exception {
    String stream = NatsTestServers.unique("BENCH");
    String prefix = NatsTestServers.unique("bench");
    NatsStreams.createOrUpdate(connection, stream, prefix, Duration.ofMinutes(2));
    try {
      JetStream js = connection.jetStream();
      byte[] body = new byte[bodySize];
      Arrays.fill(body, (byte) 'x');
      long start = System.nanoTime();
      List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        Headers headers = new Headers();
        headers.put("Nats-Msg-Id", UUID.randomUUID().toString());
        headers.put("Boulevard-Event-Id", UUID.randomUUID().toString());
        headers.put("Boulevard-Aggregate-Id", "acct-" + (i % 100));
        headers.put("Boulevard-Type", "contract.deposited");
        headers.put("Boulevard-Version", "1");
        acks.add(
            js.publishAsync(prefix + ".contract%2Edeposited.acct-" + (i % 100), headers, body));
        if (window > 0 && acks.size() == window) {
          awaitAll(acks);
        }
      }
      awaitAll(acks);
      return EVENTS / ((System.nanoTime() - start) / 1e9);
    } finally {
      NatsTestServers.deleteStream(connection, stream);
    }
  }

  private static void awaitAll(List<CompletableFuture<PublishAck>> acks) throws Exception {
    for (var ack : acks) {
      ack.get(30, TimeUnit.SECONDS);
    }
    acks.clear();
  }

  /** The whole path: a publication catching up with a log of deposits, batches of 500. */
  private static double publication(Connection connection, int aggregates) throws Exception {
    String stream = NatsTestServers.unique("BENCH");
    var store = new InMemoryEventStore();
    for (int i = 0; i < EVENTS; i++) {
      String id = String.format("acct-%02d", i % aggregates);
      store.append(id, ContractMessages.deposits(id, i / aggregates, 1));
    }
    Publication publication =
        Publication.named("out")
            .serializer(MessagingFixtures.SERIALIZER)
            .transport(
                NatsTransport.builder(connection).stream(stream)
                    .subjectPrefix(NatsTestServers.unique("bench"))
                    .createStream(true)
                    .build())
            .build();
    try (Projections projections =
        Projections.builder(store, InMemoryReadModelStorage.create())
            .batchSize(BATCH)
            .add(publication.projection())
            .build()) {
      long start = System.nanoTime();
      projections.start();
      if (!projections.awaitPosition(EVENTS, Duration.ofMinutes(5))) {
        throw new AssertionError("The publication did not catch up: " + projections.status());
      }
      return EVENTS / ((System.nanoTime() - start) / 1e9);
    } finally {
      NatsTestServers.deleteStream(connection, stream);
    }
  }
}
