package dev.boulevard.auditing;

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
}
