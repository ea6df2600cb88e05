package dev.boulevard.auditing;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command log that writes one line per command through SLF4J: INFO for a success, WARN for a
 * failure, with the command's type, duration and error.
 *
 * <p>Only the command's type is logged, never its fields, which may hold personal data or secrets.
 * Thread-safe.
 */
public final class Slf4jCommandLog implements CommandLog {

  private final Logger logger;

  /** Creates a log that writes to the logger named after this class. */
  public Slf4jCommandLog() {
    this(LoggerFactory.getLogger(Slf4jCommandLog.class));
  }

  /**
   * Creates a log that writes to the given logger.
   *
   * @param logger the logger
   */
  public Slf4jCommandLog(Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  @Override
  public void record(CommandLogEntry entry) {
    Objects.requireNonNull(entry, "entry");
    switch (entry.outcome()) {
      case SUCCEEDED -> {
        if (logger.isInfoEnabled()) {
          logger.info(
              "Command {} succeeded in {} ms (dispatched at {})",
              entry.commandType(),
              millis(entry.duration()),
              entry.dispatchedAt());
        }
      }
      case FAILED -> {
        if (logger.isWarnEnabled()) {
          logger.warn(
              "Command {} failed in {} ms (dispatched at {}): {}",
              entry.commandType(),
              millis(entry.duration()),
              entry.dispatchedAt(),
              entry.error().orElse("unknown error"));
        }
      }
    }
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1_000_000.0);
  }
}
