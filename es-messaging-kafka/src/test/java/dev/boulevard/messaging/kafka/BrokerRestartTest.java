package dev.boulevard.messaging.kafka;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broker in a child JVM killed while a publication publishes and a consumer consumes, and started
 * again on the same ports and data: nothing is lost, and each event is applied once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(180)
class BrokerRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int ACCOUNTS = 10;

  private final KafkaBroker broker = KafkaBroker.childProcess();
  private final String topic = "restart-" + UUID.randomUUID();
  private final InMemoryEventStore store = new InMemoryEventStore();
  private final List<String> accounts =
      IntStream.range(0, ACCOUNTS).mapToObj(i -> "acc-" + i).toList();
  private final long[] appended = new long[ACCOUNTS];
  private volatile boolean appending = true;
  private Thread appender;
  private KafkaTransport transport;
  private Projections projections;
  private KafkaInbound consumer;

  @AfterEach
  void close() throws InterruptedException {
    appending = false;
    if (appender != null) {
      appender.join();
    }
    if (consumer != null) {
      consumer.close();
    }
    if (projections != null) {
      projections.close();
    }
    if (transport != null) {
      transport.close();
    }
    broker.close();
  }

  /** Appends one deposit every 2 ms or so, round the accounts, until told to stop or 4000. */
  private void append() {
    for (int i = 0, n = 0; appending && n < 4000; i = (i + 1) % ACCOUNTS, n++) {
      String id = accounts.get(i);
      store.append(id, deposits(id, appended[i], 1));
      appended[i]++;
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  void a_publication_waits_out_a_killed_broker_and_the_consumer_applies_each_event_once()
      throws Exception {
    broker.createTopic(topic, 3);
    transport =
        KafkaTransport.builder(broker.bootstrapServers())
            .topic(topic)
            .sendTimeout(Duration.ofSeconds(3))
            .build();
    Publication publication =
        Publication.named("wallet_out")
            .serializer(MessagingFixtures.SERIALIZER)
            .transport(transport)
            .build();
    projections =
        Projections.builder(store, InMemoryReadModelStorage.create())
            .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500)))
            .batchSize(100)
            .add(publication.projection())
            .build();
    RemoteBalances remote = new RemoteBalances();
    consumer = remote.consumer(broker, topic, "remote");
    appender = new Thread(this::append, "appender");
    appender.start();
    projections.start();
    consumer.start();

    Await.until(WAIT, () -> publication.published() >= 300, () -> "" + publication.published());
    broker.kill();
    Await.until(
        WAIT,
        () -> projections.status("wallet_out").state() == ProjectionState.RETRYING,
        () -> projections.status("wallet_out").toString());
    String outage = projections.status("wallet_out").lastError().orElseThrow();
    long publishedBefore = publication.published();
    Thread.sleep(3000); // the outage lasts a few seconds, events being appended all along
    broker.start();
    Await.until(
        WAIT,
        () -> publication.published() >= publishedBefore + 300,
        () -> publication.published() + " published, " + projections.status("wallet_out"));
    appending = false;
    appender.join();
    long events = LongStream.of(appended).sum();

    assertThat(projections.awaitPosition(events, WAIT)).isTrue();
    Map<String, List<Long>> expected = new TreeMap<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      expected.put(accounts.get(i), LongStream.range(0, appended[i]).boxed().toList());
    }
    Await.until(
        WAIT,
        () -> remote.playheads(accounts).equals(expected),
        () -> "applied " + consumer.applied() + " of " + events + ", " + consumer.lastError());
    long records = recordsInTopic();
    Await.until(
        WAIT,
        () -> consumer.applied() + consumer.duplicates() + consumer.redelivered() == records,
        () -> consumer.applied() + " + " + consumer.duplicates() + " of " + records + " records");
    System.out.printf(
        "Broker killed and restarted: %d events, %d records in the topic, %d republished records"
            + " passed over by playhead, %d redelivered by offset; the publication said: %s%n",
        events, records, consumer.duplicates(), consumer.redelivered(), outage);

    assertThat(outage).contains(broker.bootstrapServers()).contains(topic);
    assertThat(consumer.applied()).isEqualTo(events);
    assertThat(records).isGreaterThanOrEqualTo(events);
    assertThat(consumer.duplicates() + consumer.redelivered()).isEqualTo(records - events);
    assertThat(remote.total(accounts))
        .isEqualTo(LongStream.of(appended).map(n -> n * (n + 1) / 2).sum());
  }

  private long recordsInTopic() throws Exception {
    try (Admin admin = broker.admin()) {
      Map<TopicPartition, OffsetSpec> ends =
          IntStream.range(0, 3)
              .boxed()
              .collect(
                  Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
      return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }
  }
}
