package dev.boulevard.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Slf4jCommandLogTest {

  record Deposit(int amount) {}

  private static final Instant AT = Instant.parse("2024-05-01T10:15:30Z");

  private final Slf4jCommandLog log = new Slf4jCommandLog();
  private final RecordingLogger logger = new RecordingLogger();

  @Test
  void logs_a_success_without_throwing() {
    assertThatCode(
            () ->
                log.record(
                    CommandLogEntry.succeeded(new Deposit(1), AT, Duration.ofNanos(1_234_567))))
        .doesNotThrowAnyException();
  }

  @Test
  void logs_a_failure_without_throwing() {
    assertThatCode(
            () ->
                log.record(
                    CommandLogEntry.failed(
                        new Deposit(1),
                        new IllegalStateException("closed (expected by this test)"),
                        AT,
                        Duration.ofMillis(2))))
        .doesNotThrowAnyException();
  }

  @Test
  void logs_a_success_at_info_with_the_command_type_only() {
    new Slf4jCommandLog(logger)
        .record(CommandLogEntry.succeeded(new Deposit(4111), AT, Duration.ofNanos(1_234_567)));

    assertThat(logger.lines)
        .containsExactly(
            "INFO Command Deposit succeeded in 1.235 ms (dispatched at 2024-05-01T10:15:30Z)");
  }

  @Test
  void logs_a_failure_by_its_exception_class_only_by_default() {
    new Slf4jCommandLog(logger).record(failure("card 4111 declined"));

    assertThat(logger.lines)
        .containsExactly(
            "WARN Command Deposit failed in 2.000 ms (dispatched at 2024-05-01T10:15:30Z):"
                + " java.lang.IllegalStateException");
  }

  @Test
  void logs_a_failure_s_message_when_told_to() {
    new Slf4jCommandLog(logger, true).record(failure("card 4111 declined"));

    assertThat(logger.lines)
        .singleElement()
        .asString()
        .endsWith(": java.lang.IllegalStateException: card 4111 declined");
  }

  @Test
  void logs_a_failure_by_its_exception_class_even_when_its_message_holds_colons() {
    new Slf4jCommandLog(logger).record(failure("card: 4111: declined"));

    assertThat(logger.lines)
        .singleElement()
        .asString()
        .endsWith("): java.lang.IllegalStateException")
        .doesNotContain("4111");
  }

  private static CommandLogEntry failure(String message) {
    return CommandLogEntry.failed(
        new Deposit(1), new IllegalStateException(message), AT, Duration.ofMillis(2));
  }
}
