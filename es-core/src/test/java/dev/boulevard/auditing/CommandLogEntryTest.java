package dev.boulevard.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.auditing.CommandLogEntry.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandLogEntryTest {

  record Deposit(int amount) {}

  private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456789Z");

  @Test
  void a_failure_keeps_the_error_s_class_and_message() {
    var entry =
        CommandLogEntry.failed(
            new Deposit(1), new IllegalStateException("closed"), AT, Duration.ZERO);

    assertThat(entry.outcome())
        .isEqualTo(new Outcome.Failed("java.lang.IllegalStateException", "closed"));
    assertThat(entry.succeeded()).isFalse();
    assertThat(entry.error()).contains("java.lang.IllegalStateException: closed");
  }

  @Test
  void a_failure_keeps_the_error_s_class_apart_from_a_message_that_holds_colons() {
    var entry =
        CommandLogEntry.failed(
            new Deposit(1), new IllegalStateException("card: 4111: declined"), AT, Duration.ZERO);

    assertThat(entry.outcome())
        .isEqualTo(new Outcome.Failed("java.lang.IllegalStateException", "card: 4111: declined"));
  }

  @Test
  void a_success_has_no_error() {
    var entry = CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ZERO);

    assertThat(entry.outcome()).isEqualTo(new Outcome.Succeeded());
    assertThat(entry.succeeded()).isTrue();
    assertThat(entry.error()).isEmpty();
  }

  @Test
  void names_the_command_s_type_but_never_its_fields_in_its_text() {
    var entry =
        CommandLogEntry.failed(
            new Deposit(4111), new IllegalStateException("closed"), AT, Duration.ZERO);

    assertThat(entry.toString())
        .contains("Deposit", "FAILED", "java.lang.IllegalStateException: closed")
        .doesNotContain("4111");
  }

  @Test
  void a_failure_without_a_message_keeps_the_error_s_class() {
    var entry =
        CommandLogEntry.failed(new Deposit(1), new NullPointerException(), AT, Duration.ZERO);

    assertThat(entry.outcome()).isEqualTo(new Outcome.Failed("java.lang.NullPointerException", ""));
    assertThat(entry.error()).contains("java.lang.NullPointerException");
  }

  @Test
  void truncates_the_dispatch_instant_to_the_microsecond() {
    var entry = CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ZERO);

    assertThat(entry.dispatchedAt()).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
  }

  @Test
  void rejects_a_negative_duration() {
    assertThatThrownBy(() -> CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Deposit.class.getName());
  }

  @Test
  void is_equal_to_an_entry_with_the_same_fields() {
    var entry = CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ofMillis(3));

    assertThat(entry)
        .isEqualTo(CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ofMillis(3)))
        .hasSameHashCodeAs(CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ofMillis(3)))
        .isNotEqualTo(CommandLogEntry.succeeded(new Deposit(2), AT, Duration.ofMillis(3)));
  }
}
