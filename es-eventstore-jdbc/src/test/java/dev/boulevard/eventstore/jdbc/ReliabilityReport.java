package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one reliability run on one database, written as JSON to {@code
 * target/reliability/<test>-<database>.json} and printed as one line that starts with {@code
 * RELIABILITY}, for the README's Reliability section.
 *
 * <p>Published in this module's test-jar, for the reliability tests of the other modules; it also
 * holds the suite's scale, which {@code -Preliability} raises.
 */
public final class ReliabilityReport {

  /** Seconds of each load-type run, per database: {@code boulevard.reliability.seconds}. */
  public static final int SECONDS = Integer.getInteger("boulevard.reliability.seconds", 5);

  /** Rounds of each fault-type run, per database: {@code boulevard.reliability.rounds}. */
  public static final int ROUNDS = Integer.getInteger("boulevard.reliability.rounds", 3);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> figures = new LinkedHashMap<>();

  /** Starts the report of a test on a database, with the seconds it took. */
  ReliabilityReport(Class<?> test, TestDatabase database, double seconds) {
    this(test.getSimpleName(), database.name());
    figures.put("seconds", round(seconds));
  }

  /** Starts the report of a test on a database or storage, named in any case. */
  public ReliabilityReport(String test, String database) {
    figures.put("test", test);
    figures.put("database", database.toLowerCase(Locale.ROOT));
  }

  /** {@return this report, with one more figure} */
  public ReliabilityReport with(String name, Object value) {
    figures.put(name, value instanceof Double number ? round(number) : value);
    return this;
  }

  /** {@return this report, with more figures, in their order} */
  public ReliabilityReport withAll(Map<String, ?> more) {
    more.forEach(this::with);
    return this;
  }

  /** Writes the file and prints the line. */
  public void publish() {
    try {
      Path directory = Path.of("target", "reliability");
      Files.createDirectories(directory);
      String line = JSON.writeValueAsString(figures);
      Files.writeString(
          directory.resolve(figures.get("test") + "-" + figures.get("database") + ".json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
      System.out.println("RELIABILITY " + line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
