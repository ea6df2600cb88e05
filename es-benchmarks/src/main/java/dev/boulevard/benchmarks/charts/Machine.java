package dev.boulevard.benchmarks.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the charts say about the machine: CPU, cores, memory, operating system and H2. */
final class Machine {

  private Machine() {}

  static Map<String, String> facts() {
    var facts = new LinkedHashMap<String, String>();
    facts.put("CPU", first(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
    facts.put("Cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    first(Path.of("/proc/meminfo"), "MemTotal")
        .map(kb -> kb.replaceAll("[^0-9]", ""))
        .filter(kb -> !kb.isEmpty())
        .ifPresent(
            kb ->
                facts.put(
                    "RAM",
                    String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)));
    facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    facts.put("H2", org.h2.engine.Constants.FULL_VERSION);
    return facts;
  }

  private static Optional<String> first(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
