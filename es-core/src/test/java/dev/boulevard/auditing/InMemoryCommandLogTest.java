package dev.boulevard.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryCommandLogTest {

  record Deposit(int amount) {}

  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final CommandLogEntry first = entry(1);
  private final CommandLogEntry second = entry(2);
  private final CommandLogEntry third = entry(3);

  @Test
  void keeps_the_entries_in_order() {
    log.record(first);
    log.record(second);

    assertThat(log.entries()).containsExactly(first, second);
  }

  @Test
  void returns_the_newest_entries_first_up_to_the_limit() {
    log.record(first);
    log.record(second);
    log.record(third);

    assertThat(log.newest(2)).containsExactly(third, second);
    assertThat(log.newest(10)).containsExactly(third, second, first);
    assertThat(log.newest(0)).isEmpty();
  }

  @Test
  void rejects_a_negative_limit() {
    assertThatThrownBy(() -> log.newest(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  private static CommandLogEntry entry(int amount) {
    return CommandLogEntry.succeeded(
        new Deposit(amount), Instant.parse("2024-05-01T10:15:30Z"), Duration.ofMillis(amount));
  }
}
