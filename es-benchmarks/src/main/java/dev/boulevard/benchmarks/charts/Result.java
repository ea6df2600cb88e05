package dev.boulevard.benchmarks.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result: the benchmark's class and method, its parameters and threads, and its score.
 *
 * @param benchmarkClass the benchmark class's simple name
 * @param method the benchmark method
 * @param params the parameters, sorted by name
 * @param threads the threads that ran it
 * @param mode the JMH mode, such as {@code thrpt} or {@code avgt}
 * @param score the score
 * @param error the score's error (half the 99.9% confidence interval), or 0 when not known
 * @param unit the score's unit
 * @param percentiles the sampled percentiles by name ("50.0", "99.0"), empty unless sampled
 * @param jdk the JDK that ran it
 */
record Result(
    String benchmarkClass,
    String method,
    Map<String, String> params,
    int threads,
    String mode,
    double score,
    double error,
    String unit,
    Map<String, Double> percentiles,
    String jdk) {

  static Result of(JsonNode node) {
    String name = node.path("benchmark").asText();
    String[] parts = name.split("\\.");
    var params = new TreeMap<String, String>();
    node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
    JsonNode metric = node.path("primaryMetric");
    var percentiles = new TreeMap<String, Double>();
    metric
        .path("scorePercentiles")
        .properties()
        .forEach(e -> percentiles.put(e.getKey(), e.getValue().asDouble()));
    double error = metric.path("scoreError").asDouble(0);
    return new Result(
        parts[parts.length - 2],
        parts[parts.length - 1],
        params,
        node.path("threads").asInt(1),
        node.path("mode").asText(),
        metric.path("score").asDouble(),
        Double.isNaN(error) ? 0 : error,
        metric.path("scoreUnit").asText(),
        node.path("mode").asText().equals("sample") ? percentiles : Map.of(),
        node.path("jdkVersion").asText() + " (" + node.path("vmName").asText() + ")");
  }

  /** {@return whether this is a baseline: plain JDBC, a plain map} */
  boolean baseline() {
    return method.startsWith("plain") || method.contains("Plain");
  }

  /** {@return whether this is a peer framework's result: Axon's, from an {@code Axon*} class} */
  boolean peer() {
    return benchmarkClass.startsWith("Axon");
  }

  /**
   * {@return the Boulevard method a peer's result compares with: {@code boulevard} for {@code
   * axon}, else the name after the {@code axon} prefix ({@code logRead} for {@code axonLogRead})}
   */
  String counterpart() {
    String rest = method.replaceFirst("^axon", "");
    return rest.isEmpty() ? "boulevard" : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  /** {@return whether this is a peer's result for {@code measured}'s scenario and method} */
  boolean peerOf(Result measured) {
    return peer()
        && !measured.peer()
        && peerScenario().equals(measured.scenario())
        && counterpart().equals(measured.method());
  }

  /** {@return the scenario this result belongs to: class, params and threads} */
  String scenario() {
    return scenario(benchmarkClass, params);
  }

  /**
   * {@return the Boulevard scenario a peer's result belongs beside: its class without the {@code
   * Axon} prefix, and its params on PostgreSQL, the only database the peer runs on}
   */
  String peerScenario() {
    var onPostgres = new TreeMap<>(params);
    onPostgres.putIfAbsent("database", "POSTGRESQL");
    return scenario(benchmarkClass.replaceFirst("^Axon", ""), onPostgres);
  }

  private String scenario(String benchmark, Map<String, String> parameters) {
    var text = new StringBuilder(benchmark);
    parameters.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
    return text.append(threads > 1 ? " threads=" + threads : "").toString();
  }

  /** {@return a short label of the params and threads} */
  String label() {
    var text = new StringBuilder();
    params.forEach((k, v) -> text.append(text.isEmpty() ? "" : " ").append(abbreviate(k, v)));
    return text.append(threads > 1 ? " ×" + threads + " threads" : "").toString();
  }

  private static String abbreviate(String key, String value) {
    return switch (key) {
      case "database" -> value;
      case "eventsPerStream" -> value + " ev/stream";
      case "events" -> value + " ev";
      default -> key + "=" + value;
    };
  }

  /** {@return how fast this is beside the baseline: above 1 is faster, whatever the mode} */
  double ratioTo(Result baseline) {
    return mode.equals("thrpt") ? score / baseline.score : baseline.score / score;
  }
}
