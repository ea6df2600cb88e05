package dev.boulevard.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.EnvelopeJson;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.contract.MessageTransportContract;
import dev.boulevard.messaging.contract.MessagingFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The transport contract against a real broker, each test on a topic of its own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaTransportContractTest extends MessageTransportContract {

  private final KafkaBroker broker = KafkaBroker.shared();
  private final String topic = "contract-" + UUID.randomUUID();

  @Override
  protected MessageTransport newTransport() throws Exception {
    broker.createTopic(topic, 3);
    return KafkaTransport.builder(broker.bootstrapServers())
        .topic(topic)
        .sendTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Override
  protected List<Envelope> received(int count, Duration timeout) {
    return TopicReader.read(broker.bootstrapServers(), topic, count, timeout).stream()
        .map(record -> EnvelopeJson.read(record.value()))
        .toList();
  }

  @Test
  void the_key_is_the_aggregate_id_and_the_headers_carry_the_event_id() throws Exception {
    List<Envelope> sent = MessagingFixtures.interleaved(3, 4, "keyed");
    transport().send(sent);

    List<ConsumerRecord<byte[], byte[]>> records =
        TopicReader.read(broker.bootstrapServers(), topic, sent.size(), WAIT);

    assertThat(records).hasSize(sent.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Envelope envelope = EnvelopeJson.read(record.value());
      assertThat(new String(record.key(), StandardCharsets.UTF_8))
          .isEqualTo(envelope.aggregateId());
      assertThat(record.headers().lastHeader(Envelope.EVENT_ID_HEADER).value())
          .asString(StandardCharsets.UTF_8)
          .isEqualTo(envelope.eventId().toString());
      envelope
          .headers()
          .forEach(
              (name, value) ->
                  assertThat(record.headers().lastHeader(name).value())
                      .asString(StandardCharsets.UTF_8)
                      .isEqualTo(value));
    }
    // one aggregate, one partition
    Map<String, Set<Integer>> partitions =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> new String(r.key(), StandardCharsets.UTF_8),
                    Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
    assertThat(partitions).hasSize(3).allSatisfy((aggregate, used) -> assertThat(used).hasSize(1));
  }
}
