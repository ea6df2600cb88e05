package dev.boulevard.benchmarks.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads every JMH JSON file in a directory and writes, beside them, one PNG bar chart per file
 * (Boulevard beside its baseline and, where the run measured it, Axon's engine, with error bars and
 * the ratios in each label) and {@code results.md}: the machine and each scenario's score,
 * baseline, Boulevard/plain ratio and, where present, Axon's score and the Boulevard/Axon ratio.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.boulevard.benchmarks.charts.Charts DIR [NAME=VALUE
 * ...]}, where each {@code NAME=VALUE} (such as a database's version) is added to the machine list.
 */
public final class Charts {

  private Charts() {}

  /**
   * Draws the charts and writes the table.
   *
   * @param args the directory, then optional machine facts as NAME=VALUE
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("Usage: Charts DIR [NAME=VALUE ...]");
    }
    Path dir = Path.of(args[0]);
    var machine = new LinkedHashMap<String, String>(Machine.facts());
    for (int i = 1; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("Machine facts are NAME=VALUE, got " + args[i]);
      }
      machine.put(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    var mapper = new ObjectMapper();
    var md = new StringBuilder("# Benchmark results\n\n## Machine\n\n");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    var sections = new StringBuilder();
    String jdk = "unknown";
    for (Path file : files) {
      JsonNode root = mapper.readTree(file.toFile());
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      if (!root.isArray()) {
        sections.append(Tables.other(name, root));
        continue;
      }
      var results = new ArrayList<Result>();
      root.forEach(node -> results.add(Result.of(node)));
      if (results.isEmpty()) {
        continue;
      }
      jdk = results.get(0).jdk();
      List<Pair> pairs = pairs(results);
      sections.append(Tables.section(name, results, pairs));
      Path png = dir.resolve(name + ".png");
      if (Bars.draw(name, results, pairs, png)) {
        sections.append("![").append(name).append("](").append(png.getFileName()).append(")\n\n");
      }
    }
    machine.putIfAbsent("JDK", jdk);
    machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append('\n').append(sections);
    Files.writeString(dir.resolve("results.md"), md);
    System.out.printf(
        Locale.ROOT,
        "Wrote %s and its charts from %d files%n",
        dir.resolve("results.md"),
        files.size());
  }

  /**
   * A measured result, its baseline and its peer (Axon's result in the same scenario), when the
   * same run has them.
   */
  record Pair(Result measured, Optional<Result> baseline, Optional<Result> peer) {}

  /**
   * Pairs each non-baseline result with the baseline of its scenario nearest in name, and with the
   * peer's result of its scenario and method ({@link Result#counterpart()}); a peer's result is a
   * row of its own only when the run has no such Boulevard result.
   */
  static List<Pair> pairs(List<Result> results) {
    var pairs = new ArrayList<Pair>();
    for (Result measured : results) {
      if (measured.baseline() || results.stream().anyMatch(measured::peerOf)) {
        continue;
      }
      Optional<Result> baseline =
          results.stream()
              .filter(r -> r.baseline() && r.scenario().equals(measured.scenario()))
              .max(Comparator.comparingInt(r -> commonPrefix(r.method(), measured.method())));
      Optional<Result> peer = results.stream().filter(r -> r.peerOf(measured)).findFirst();
      pairs.add(new Pair(measured, baseline, peer));
    }
    return pairs;
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < Math.min(a.length(), b.length())
        && Character.toLowerCase(a.charAt(n)) == Character.toLowerCase(b.charAt(n))) {
      n++;
    }
    return n;
  }

  static String format(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 1 ? "%.2f" : "%.3g", value);
  }
}
