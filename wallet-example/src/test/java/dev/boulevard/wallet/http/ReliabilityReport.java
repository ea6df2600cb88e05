package dev.boulevard.wallet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The figures of one reliability run, written to {@code target/reliability/<test>-<database>.json}
 * and printed as one {@code RELIABILITY} line, for the README's Reliability section.
 */
final class ReliabilityReport {

  /** The scale of load-type runs: seconds per database ({@code -Preliability} raises it). */
  static final int SECONDS = Integer.getInteger("boulevard.reliability.seconds", 5);

  /** The scale of fault-type runs: rounds per database ({@code -Preliability} raises it). */
  static final int ROUNDS = Integer.getInteger("boulevard.reliability.rounds", 3);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReliabilityReport() {}

  /** {@return an empty set of figures for a test on a database} */
  static ObjectNode figures(String test, String database) {
    return MAPPER.createObjectNode().put("test", test).put("database", database);
  }

  /** Writes the figures and prints them. */
  static void write(ObjectNode figures) {
    String name = figures.get("test").asText() + "-" + figures.get("database").asText();
    try {
      Path directory = Files.createDirectories(Path.of("target", "reliability"));
      MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValue(directory.resolve(name + ".json").toFile(), figures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("RELIABILITY " + figures);
  }
}
