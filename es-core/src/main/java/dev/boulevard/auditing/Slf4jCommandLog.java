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
 * For the same reason a failure is logged by its exception's class only, unless the log was made to
 * include error messages, which often quote field values. Thread-safe.
 */
public final class Slf4jCommandLog implements CommandLog {

  private final Logger logger;
  private final boolean includeErrorMessages;

  /** Creates a log that writes to the logger named after this class, without error messages. */
  public Slf4jCommandLog() {
    this(LoggerFactory.getLogger(Slf4jCommandLog.class));
  }

  /**
   * Creates a log that writes to the given logger, without error messages.
   *
   * @param logger the logger
   */
  public Slf4jCommandLog(Logger logger) {
    this(logger, false);
  }

  /**
   * Creates a log that writes to the given logger, with or without error messages.
   *
   * @param logger the logger
   * @param includeErrorMessages whether a failure's exception message is logged after its class;
   *     only safe when messages never hold personal data or secrets
   */
  public Slf4jCommandLog(Logger logger, boolean includeErrorMessages) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.includeErrorMessages = includeErrorMessages;
  }

  @Override
  public void record(CommandLogEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (entry.outcome() instanceof CommandLogEntry.Outcome.Failed failed) {
      if (logger.isWarnEnabled()) {
        logger.warn(
            "Command {} failed in {} ms (dispatched at {}): {}",
            entry.commandType(),
            millis(entry.duration()),
            entry.dispatchedAt(),
            includeErrorMessages ? failed.error().orElseThrow() : failed.errorType());
      }
    } else if (logger.isInfoEnabled()) {
      logger.info(
          "Command {} succeeded in {} ms (dispatched at {})",
          entry.commandType(),
          millis(entry.duration()),
          entry.dispatchedAt());
    }
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1_000_000.0);
  }
}
