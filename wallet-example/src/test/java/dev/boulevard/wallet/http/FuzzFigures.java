package dev.boulevard.wallet.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run sent and saw, counted, and written as the reliability figures of a run. */
final class FuzzFigures {

  private static final int MAX_FAILURES = 20;

  final Map<String, Long> inputs = new TreeMap<>();
  final Map<String, Long> statuses = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  long sent;
  long failed;

  /** Counts one input of a category and the status it was answered with (0: no answer). */
  void count(String category, int status) {
    sent++;
    inputs.merge(category, 1L, Long::sum);
    statuses.merge(String.valueOf(status), 1L, Long::sum);
  }

  /** Records a failure; only the first few are kept, with what reproduces them. */
  void fail(String failure) {
    failed++;
    if (failures.size() < MAX_FAILURES) {
      failures.add(failure);
    }
  }

  /** {@return how many answers had a status from 500 to 599} */
  long serverErrors() {
    return statuses.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("5"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** {@return the database a test class runs on, by its name: H2..., Postgres..., MariaDb...} */
  static String database(Class<?> testClass) {
    String name = testClass.getSimpleName();
    return name.startsWith("H2") ? "h2" : name.startsWith("Postgres") ? "postgresql" : "mariadb";
  }
}
