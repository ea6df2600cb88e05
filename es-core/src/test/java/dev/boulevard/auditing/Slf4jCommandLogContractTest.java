package dev.boulevard.auditing;

import dev.boulevard.auditing.contract.CommandLogContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command log contract on the SLF4J log, read back by parsing the lines it logged. */
class Slf4jCommandLogContractTest extends CommandLogContract<Slf4jCommandLog> {

  private static final Pattern LINE =
      Pattern.compile(
          "(INFO|WARN) Command (\\S+) (succeeded|failed) in ([0-9.]+) ms"
              + " \\(dispatched at (\\S+)\\)(?:: (.*))?");

  private final RecordingLogger logger = new RecordingLogger();

  @Override
  protected Slf4jCommandLog createLog() {
    return new Slf4jCommandLog(logger);
  }

  @Override
  protected List<Kept> kept(Slf4jCommandLog log) {
    var kept = new ArrayList<Kept>();
    synchronized (logger.lines) {
      for (String line : logger.lines) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
          throw new AssertionError("Not a command log line: " + line);
        }
        long nanos =
            new BigDecimal(matcher.group(4)).movePointRight(6).longValueExact(); // ms to ns
        kept.add(
            new Kept(
                matcher.group(2),
                matcher.group(3).equals("succeeded"),
                Optional.ofNullable(matcher.group(6)),
                Instant.parse(matcher.group(5)),
                Duration.ofNanos(nanos)));
      }
    }
    return kept;
  }
}
