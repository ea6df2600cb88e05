package dev.boulevard.testing;

import java.util.List;
import java.util.Objects;

/** Compares expected with actual events and describes any difference side by side. */
final class EventComparison {

  private static final int MIN_COLUMN = 20;
  private static final String NONE = "(none)";

  private EventComparison() {}

  static void assertSameEvents(String what, List<?> expected, List<?> actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(describe(what, expected, actual));
    }
  }

  static String describe(String what, List<?> expected, List<?> actual) {
    int rows = Math.max(expected.size(), actual.size());
    int width = MIN_COLUMN;
    for (Object event : expected) {
      width = Math.max(width, String.valueOf(event).length());
    }
    var text = new StringBuilder();
    text.append(what)
        .append(": expected ")
        .append(expected.size())
        .append(" event(s), got ")
        .append(actual.size())
        .append('\n');
    text.append(String.format("     %-" + width + "s | %s%n", "expected", "actual"));
    for (int i = 0; i < rows; i++) {
      Object left = i < expected.size() ? expected.get(i) : NONE;
      Object right = i < actual.size() ? actual.get(i) : NONE;
      String marker = Objects.equals(left, right) ? " " : "!";
      text.append(String.format("%s %2d %-" + width + "s | %s%n", marker, i, left, right));
    }
    return text.toString();
  }
}
