package dev.boulevard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DomainMessageTest {

  private static final Instant NANOS = Instant.parse("2026-03-01T10:15:30.123456789Z");

  @Test
  void records_now_by_the_injected_clock_to_the_microsecond() {
    var clock = Clock.fixed(NANOS, ZoneOffset.UTC);

    var message = DomainMessage.recordNow("a-1", 0, Metadata.empty(), "payload", clock);

    assertThat(message.recordedOn()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
  }

  @Test
  void keeps_the_instant_in_utc_whatever_the_clock_zone() {
    var clock = Clock.fixed(NANOS, ZoneId.of("Pacific/Auckland"));

    var message = DomainMessage.recordNow("a-1", 0, Metadata.empty(), "payload", clock);

    assertThat(message.recordedOn().toString()).isEqualTo("2026-03-01T10:15:30.123456Z");
  }

  @Test
  void gives_each_recorded_message_its_own_event_id() {
    var clock = Clock.systemUTC();

    var first = DomainMessage.recordNow("a-1", 0, Metadata.empty(), "x", clock);
    var second = DomainMessage.recordNow("a-1", 0, Metadata.empty(), "x", clock);

    assertThat(first.eventId()).isNotEqualTo(second.eventId());
  }

  @Test
  void rejects_a_negative_playhead_naming_the_aggregate() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new DomainMessage(UUID.randomUUID(), "a-7", -1, Metadata.empty(), "x", NANOS))
        .withMessageContaining("a-7")
        .withMessageContaining("-1");
  }

  @Test
  void and_metadata_adds_pairs_and_keeps_everything_else() {
    var message = new DomainMessage(UUID.randomUUID(), "a-1", 3, Metadata.of("a", "1"), "x", NANOS);

    var enriched = message.andMetadata(Metadata.of("b", "2"));

    assertThat(enriched.metadata()).isEqualTo(Metadata.of("a", "1").with("b", "2"));
    assertThat(enriched.eventId()).isEqualTo(message.eventId());
    assertThat(enriched.playhead()).isEqualTo(3);
    assertThat(enriched.recordedOn()).isEqualTo(message.recordedOn());
    assertThat(message.metadata()).isEqualTo(Metadata.of("a", "1"));
  }

  @Test
  void names_the_payload_class_as_its_type() {
    var message = new DomainMessage(UUID.randomUUID(), "a-1", 0, Metadata.empty(), 42L, NANOS);

    assertThat(message.payloadType()).isEqualTo(Long.class);
  }

  @Test
  void stream_is_an_immutable_copy_in_order() {
    var clock = Clock.fixed(NANOS, ZoneOffset.UTC);
    var first = DomainMessage.recordNow("a", 0, Metadata.empty(), "one", clock);
    var second = DomainMessage.recordNow("a", 1, Metadata.empty(), "two", clock);
    var list = new java.util.ArrayList<>(java.util.List.of(first, second));

    var stream = DomainEventStream.of(list);
    list.clear();

    assertThat(stream.size()).isEqualTo(2);
    assertThat(stream.payloads()).containsExactly("one", "two");
    assertThat(stream).containsExactly(first, second);
    assertThat(DomainEventStream.empty().isEmpty()).isTrue();
  }
}
