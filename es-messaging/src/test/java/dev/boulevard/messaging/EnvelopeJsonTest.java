package dev.boulevard.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.messaging.contract.MessagingFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnvelopeJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void an_envelope_is_one_json_object_with_the_payload_as_a_document_and_reads_back_equal()
      throws Exception {
    Envelope envelope = MessagingFixtures.deposit("acct-1", 3, 42);

    byte[] json = EnvelopeJson.write(envelope);

    JsonNode node = JSON.readTree(json);
    assertThat(node.get("format").asText()).isEqualTo("boulevard.envelope/1");
    assertThat(node.get("eventId").asText()).isEqualTo(envelope.eventId().toString());
    assertThat(node.get("aggregateId").asText()).isEqualTo("acct-1");
    assertThat(node.get("playhead").asLong()).isEqualTo(3);
    assertThat(node.get("piece").asInt()).isZero();
    assertThat(node.get("position").asLong()).isEqualTo(42);
    assertThat(node.get("type").asText()).isEqualTo("contract.deposited");
    assertThat(node.get("version").asInt()).isEqualTo(1);
    assertThat(node.get("recordedOn").asText()).isEqualTo("2026-12-06T03:04:05.123456Z");
    assertThat(node.get("metadata").get("correlation_id").asText()).isEqualTo("c-acct-1");
    assertThat(node.get("payload").get("amount").asLong()).isEqualTo(4);
    assertThat(EnvelopeJson.read(json)).isEqualTo(envelope);
  }

  @Test
  void an_envelope_reads_back_into_the_domain_message_it_came_from() {
    Envelope envelope = MessagingFixtures.deposit("acct-1", 3, 42);

    DomainMessage message = envelope.toMessages(MessagingFixtures.SERIALIZER).get(0);

    assertThat(message.payload()).isEqualTo(new ContractEvent.Deposited("acct-1", 4));
    assertThat(message.eventId()).isEqualTo(envelope.eventId());
    assertThat(message.playhead()).isEqualTo(3);
    assertThat(message.metadata().get("causation_id")).hasValue("x-3");
    assertThat(message.recordedOn()).isEqualTo(envelope.recordedOn());
  }

  @Test
  void the_headers_carry_the_event_id_aggregate_type_and_version() {
    Envelope envelope = MessagingFixtures.deposit("acct-1", 3, 42);

    assertThat(envelope.headers())
        .containsEntry("Boulevard-Event-Id", envelope.eventId().toString())
        .containsEntry("Boulevard-Aggregate-Id", "acct-1")
        .containsEntry("Boulevard-Type", "contract.deposited")
        .containsEntry("Boulevard-Version", "1");
  }

  @Test
  void a_body_that_is_not_an_envelope_gets_an_error_naming_what_is_wrong() {
    String good = new String(EnvelopeJson.write(MessagingFixtures.deposit("a", 0, 1)), UTF8);

    assertThatThrownBy(() -> read("not json"))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> read("[1]"))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> read(good.replace("boulevard.envelope/1", "other/9")))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("other/9");
    assertThatThrownBy(() -> read(good.replace("\"playhead\":0", "\"playhead\":\"zero\"")))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("'playhead'")
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> read(good.replace("\"aggregateId\"", "\"aggregate\"")))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("'aggregateId' is missing");
    assertThatThrownBy(() -> read(good.replace("2026-12-06T", "yesterday ")))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> read(good.replace("\"payload\"", "\"body\"")))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("'payload' is missing");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Envelope read(String json) {
    return EnvelopeJson.read(json.getBytes(UTF8));
  }
}
