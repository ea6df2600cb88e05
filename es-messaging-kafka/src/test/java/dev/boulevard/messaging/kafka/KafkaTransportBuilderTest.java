package dev.boulevard.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The settings a transport refuses before it ever connects. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaTransportBuilderTest {

  private final KafkaTransport.Builder builder =
      KafkaTransport.builder("127.0.0.1:1").topic("events");

  @Test
  void a_transport_without_a_topic_is_refused() {
    assertThatThrownBy(() -> KafkaTransport.builder("127.0.0.1:1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a topic");
  }

  @Test
  void settings_that_would_void_the_order_or_the_acknowledgement_are_refused() {
    assertThatThrownBy(() -> builder.property("acks", "1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks=all");
    assertThatThrownBy(
            () ->
                KafkaTransport.builder("x:1")
                    .topic("t")
                    .property("enable.idempotence", "false")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enable.idempotence=true");
    assertThatThrownBy(
            () ->
                KafkaTransport.builder("x:1")
                    .topic("t")
                    .property("max.in.flight.requests.per.connection", "2")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one request in flight")
        .hasMessageEndingWith("not 2");
  }

  @Test
  void a_send_timeout_must_be_positive() {
    assertThatThrownBy(() -> builder.sendTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
