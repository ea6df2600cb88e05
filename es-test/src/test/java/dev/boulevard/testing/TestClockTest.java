package dev.boulevard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TestClockTest {

  @Test
  void stands_still_until_moved() {
    var clock = TestClock.at(Instant.parse("2026-05-05T12:00:00Z"));

    assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo("2026-05-05T12:00:00Z");
  }

  @Test
  void advances_and_can_be_set() {
    var clock = TestClock.standingStill();

    assertThat(clock.advance(Duration.ofDays(91))).isEqualTo("2026-04-02T00:00:00Z");
    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo("2030-01-01T00:00:00Z");
  }

  @Test
  void keeps_microseconds_and_drops_nanoseconds() {
    var clock = TestClock.at(Instant.parse("2026-01-01T00:00:00.123456789Z"));

    assertThat(clock.instant()).isEqualTo("2026-01-01T00:00:00.123456Z");
    assertThat(clock.advance(Duration.ofNanos(999))).isEqualTo("2026-01-01T00:00:00.123456Z");
  }

  @Test
  void is_in_utc() {
    var clock = TestClock.standingStill();

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
  }

  @Test
  void a_view_in_another_zone_shares_the_instant_of_the_clock_it_was_made_from() {
    var clock = TestClock.standingStill();
    var warsaw = clock.withZone(ZoneId.of("Europe/Warsaw"));

    clock.advance(Duration.ofHours(1));

    assertThat(warsaw.getZone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
    assertThat(warsaw.instant()).isEqualTo("2026-01-01T01:00:00Z");
    assertThat(LocalDateTime.now(warsaw)).isEqualTo("2026-01-01T02:00:00");
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    warsaw.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo("2030-01-01T00:00:00Z");
  }
}
