package dev.boulevard.testing;

import java.util.List;
import java.util.Objects;

/**
 * Compares an expected with an actual list and fails with both side by side, row by row, for the
 * scenario test kits and any other that wants the same failure messages.
 */
public final class SideBySide {

  private static final int MIN_COLUMN = 20;
  private static final String NONE = "(none)";

  private SideBySide() {}

  /**
   * Fails with a side-by-side description unless the lists are equal, item by item by {@code
   * equals}.
   *
   * @param what what differs, such as "Recorded events differ"
   * @param noun what the lists hold, such as "event(s)"
   * @param expected the expected items
   * @param actual the actual items
   * @throws AssertionError if they differ
   */
  public static void assertEqual(String what, String noun, List<?> expected, List<?> actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(describe(what, noun, expected, actual));
    }
  }

  private static String describe(String what, String noun, List<?> expected, List<?> actual) {
    int rows = Math.max(expected.size(), actual.size());
    int width = MIN_COLUMN;
    for (Object event : expected) {
      width = Math.max(width, String.valueOf(event).length());
    }
    var text = new StringBuilder();
    text.append(what)
        .append(": expected ")
        .append(expected.size())
        .append(" ")
        .append(noun)
        .append(", got ")
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
