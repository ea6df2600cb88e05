package dev.boulevard.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.contract.MessagingFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer adapter against a real broker: what it applies after a crash, a failed batch or
 * committed offsets that do not match the read model's, each event exactly once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class KafkaInboundTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String GROUP = "remote";

  private final KafkaBroker broker = KafkaBroker.shared();
  private final String topic = "inbound-" + UUID.randomUUID();
  private final List<String> accounts = IntStream.range(0, 6).mapToObj(i -> "acc-" + i).toList();
  private final List<KafkaInbound> consumers = new ArrayList<>();
  private KafkaTransport transport;
  private long position;

  @BeforeEach
  void createTopic() throws Exception {
    broker.createTopic(topic, 3);
    transport = KafkaTransport.builder(broker.bootstrapServers()).topic(topic).build();
  }

  @AfterEach
  void close() {
    consumers.forEach(KafkaInbound::close);
    transport.close();
  }

  /** Publishes each account's deposits from playhead {@code from} to {@code to - 1}. */
  private void publish(int from, int to) {
    List<Envelope> envelopes = new ArrayList<>();
    for (int playhead = from; playhead < to; playhead++) {
      for (String id : accounts) {
        envelopes.add(MessagingFixtures.deposit(id, playhead, ++position));
      }
    }
    transport.send(envelopes);
  }

  private KafkaInbound started(RemoteBalances remote) {
    KafkaInbound consumer = remote.consumer(broker, topic, GROUP);
    consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  private void awaitComplete(RemoteBalances remote, int count, KafkaInbound consumer)
      throws InterruptedException {
    Await.until(
        WAIT,
        () -> remote.playheads(accounts).equals(RemoteBalances.complete(accounts, count)),
        () -> remote.playheads(accounts) + ", last error: " + consumer.lastError());
  }

  /**
   * Waits until the consumer's count reaches what the read model already shows: the count moves
   * just after the transaction commits. A count beyond it then fails the assertion that follows.
   */
  private static void awaitCounted(KafkaInbound consumer, long applied)
      throws InterruptedException {
    Await.until(WAIT, () -> consumer.applied() >= applied, () -> "counted " + consumer.applied());
  }

  /** Sets the group's committed offsets in Kafka, as a lost or a premature commit would. */
  private void commitInKafka(boolean atTheEnd) throws Exception {
    try (Admin admin = broker.admin()) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (int partition = 0; partition < 3; partition++) {
        var tp = new TopicPartition(topic, partition);
        long offset = 0;
        if (atTheEnd) {
          offset =
              admin
                  .listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                  .partitionResult(tp)
                  .get(30, TimeUnit.SECONDS)
                  .offset();
        }
        offsets.put(tp, new OffsetAndMetadata(offset));
      }
      admin.alterConsumerGroupOffsets(GROUP, offsets).all().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void after_kafka_lost_the_groups_commits_a_new_consumer_resumes_from_the_stored_offsets()
      throws Exception {
    RemoteBalances remote = new RemoteBalances();
    publish(0, 10);
    KafkaInbound first = started(remote);
    awaitComplete(remote, 10, first);
    first.close();
    commitInKafka(false); // as if the consumer died after applying, before committing to Kafka
    publish(10, 20);

    KafkaInbound second = started(remote);

    awaitComplete(remote, 20, second);
    awaitCounted(second, accounts.size() * 10L);
    assertThat(second.applied()).isEqualTo(accounts.size() * 10L);
    assertThat(second.redelivered()).isZero(); // it never read the old messages again
    assertThat(remote.total(accounts)).isEqualTo(accounts.size() * (20 * 21 / 2));
  }

  @Test
  void a_read_model_behind_the_groups_commits_gets_every_event_all_the_same() throws Exception {
    publish(0, 10);
    commitInKafka(true); // as if Kafka's commit went through and the read model's did not
    RemoteBalances remote = new RemoteBalances();

    KafkaInbound consumer = started(remote);

    awaitComplete(remote, 10, consumer);
    awaitCounted(consumer, accounts.size() * 10L);
    assertThat(consumer.applied()).isEqualTo(accounts.size() * 10L);
  }

  @Test
  void a_consumer_stopped_mid_stream_and_a_new_one_in_its_group_apply_each_event_once()
      throws Exception {
    RemoteBalances remote = new RemoteBalances();
    remote.failOn = message -> pause(); // a slow projector, so that the stop falls mid-stream
    publish(0, 50);
    KafkaInbound first = started(remote);
    Await.until(WAIT, () -> first.applied() >= 60, () -> "applied " + first.applied());
    first.close();
    long appliedByFirst = first.applied();

    KafkaInbound second = started(remote);

    awaitComplete(remote, 50, second);
    assertThat(appliedByFirst).isLessThan(300);
    awaitCounted(second, 300 - appliedByFirst);
    assertThat(appliedByFirst + second.applied()).isEqualTo(300);
    assertThat(remote.total(accounts)).isEqualTo(accounts.size() * (50 * 51 / 2));
  }

  @Test
  void a_batch_that_fails_midway_is_rolled_back_and_applied_again_whole() throws Exception {
    RemoteBalances remote = new RemoteBalances();
    AtomicInteger refusals = new AtomicInteger();
    remote.failOn =
        message ->
            message.aggregateId().equals("acc-2")
                && message.playhead() == 5
                && refusals.incrementAndGet() <= 2;
    publish(0, 10);

    KafkaInbound consumer = started(remote);

    awaitComplete(remote, 10, consumer);
    assertThat(refusals.get()).isEqualTo(3);
    assertThat(consumer.failures()).isEqualTo(2);
    assertThat(consumer.lastError().orElseThrow())
        .contains(topic + "/")
        .contains("at offsets")
        .contains("acc-2");
    awaitCounted(consumer, accounts.size() * 10L);
    assertThat(consumer.applied()).isEqualTo(accounts.size() * 10L);
    assertThat(remote.total(accounts)).isEqualTo(accounts.size() * (10 * 11 / 2));
  }

  private static boolean pause() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
