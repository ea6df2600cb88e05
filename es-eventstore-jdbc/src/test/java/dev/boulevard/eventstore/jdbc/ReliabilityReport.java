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
 * RELIABILITY}.
 */
final class ReliabilityReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> figures = new LinkedHashMap<>();

  ReliabilityReport(Class<?> test, TestDatabase database, double seconds) {
    figures.put("test", test.getSimpleName());
    figures.put("database", database.name().toLowerCase(Locale.ROOT));
    figures.put("seconds", round(seconds));
  }

  /** {@return this report, with one more figure} */
  ReliabilityReport with(String name, Object value) {
    figures.put(name, value instanceof Double number ? round(number) : value);
    return this;
  }

  /** Writes the file and prints the line. */
  void publish() {
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
