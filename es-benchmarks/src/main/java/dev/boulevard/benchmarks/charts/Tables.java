package dev.boulevard.benchmarks.charts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.benchmarks.charts.Charts.Pair;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Markdown sections of {@code results.md}. */
final class Tables {

  private Tables() {}

  static String section(String name, List<Result> results, List<Pair> pairs) {
    var md = new StringBuilder("## ").append(name).append("\n\n");
    boolean sampled = results.stream().anyMatch(r -> !r.percentiles().isEmpty());
    if (sampled) {
      md.append("| Scenario | Method | p50 | p99 | Unit |\n|---|---|---:|---:|---|\n");
      for (Result r : results) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                r.label(),
                r.method(),
                Charts.format(r.percentiles().getOrDefault("50.0", Double.NaN)),
                Charts.format(r.percentiles().getOrDefault("99.0", Double.NaN)),
                r.unit()));
      }
      return md.append('\n').toString();
    }
    // Axon's columns only where the run measured Axon beside Boulevard.
    boolean peers = pairs.stream().anyMatch(p -> p.peer().isPresent());
    md.append(
            "| Scenario | Boulevard | Score ± error | Baseline | Baseline score | Boulevard/plain |")
        .append(peers ? " Axon score | Boulevard/Axon |" : "")
        .append(" Unit |\n|---|---|---:|---|---:|---:|")
        .append(peers ? "---:|---:|" : "")
        .append("---|\n");
    for (Pair pair : pairs) {
      Result r = pair.measured();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |",
              r.label(),
              r.method(),
              withError(r),
              pair.baseline().map(Result::method).orElse("–"),
              pair.baseline().map(b -> Charts.format(b.score())).orElse("–"),
              ratio(r, pair.baseline())));
      if (peers) {
        md.append(
            String.format(
                Locale.ROOT,
                " %s | %s |",
                pair.peer().map(Tables::withError).orElse("–"),
                ratio(r, pair.peer())));
      }
      md.append(' ').append(r.unit()).append(" |\n");
    }
    return md.append('\n').toString();
  }

  private static String withError(Result r) {
    // JMH gives no interval for fewer than 3 iterations
    return r.error() > 0
        ? Charts.format(r.score()) + " ± " + Charts.format(r.error())
        : Charts.format(r.score());
  }

  private static String ratio(Result r, Optional<Result> other) {
    return other.map(o -> String.format(Locale.ROOT, "%.2f", r.ratioTo(o))).orElse("–");
  }

  /** A JSON object that is not JMH's, such as the wallet's load report, as a two-column table. */
  static String other(String name, JsonNode root) {
    var md = new StringBuilder("## ").append(name).append("\n\n| Measure | Value |\n|---|---:|\n");
    root.properties()
        .forEach(
            e -> {
              if (e.getValue().isObject()) {
                e.getValue()
                    .properties()
                    .forEach(
                        inner ->
                            md.append("| ")
                                .append(e.getKey())
                                .append(' ')
                                .append(inner.getKey())
                                .append(" | ")
                                .append(value(inner.getValue()))
                                .append(" |\n"));
              } else {
                md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(value(e.getValue()))
                    .append(" |\n");
              }
            });
    return md.append('\n').toString();
  }

  private static String value(JsonNode node) {
    return node.isNumber() ? Charts.format(node.asDouble()) : node.asText();
  }
}
