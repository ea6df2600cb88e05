package dev.boulevard.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Compares an expected with an actual list and fails with both side by side, row by row, naming the
 * fields in which the items differ, for the scenario test kit and any other that wants the same
 * failure messages.
 *
 * <p>The failure is an opentest4j {@link AssertionFailedError} whose expected and actual values are
 * the lists rendered one item per line, so that an IDE's diff lines the items up.
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
   * @param noun what the lists hold, such as "event(s)": without "(s)" it names a row in the
   *     message, as in "event 2 (Deposited) differs in amount: expected 100 but was 90"
   * @param expected the expected items
   * @param actual the actual items
   * @throws AssertionFailedError if they differ
   */
  public static void assertEqual(String what, String noun, List<?> expected, List<?> actual) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(noun, "noun");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(
          describe(what, noun, expected, actual), render(expected), render(actual));
    }
  }

  /**
   * Renders a list one item per line, as the failures of the kit give expected and actual values.
   *
   * @param items the items
   * @return their {@code toString}s, one a line, or "(none)" for no items
   */
  public static String render(List<?> items) {
    Objects.requireNonNull(items, "items");
    if (items.isEmpty()) {
      return NONE;
    }
    return items.stream().map(String::valueOf).collect(Collectors.joining("\n"));
  }

  /**
   * Describes how one value differs from another, naming the differing record components, list
   * items and map entries, such as "amount: expected 100 but was 90"; nested records are named by
   * their path, such as "address.city".
   *
   * @param expected the expected value, or null
   * @param actual the actual value, or null
   * @return the differences, one per element, or none if the values are equal
   */
  public static List<String> differences(Object expected, Object actual) {
    return FieldDifferences.between(expected, actual).stream()
        .map(FieldDifferences.Difference::toString)
        .toList();
  }

  private static String describe(String what, String noun, List<?> expected, List<?> actual) {
    int rows = Math.max(expected.size(), actual.size());
    int width = MIN_COLUMN;
    for (Object item : expected) {
      width = Math.max(width, String.valueOf(item).length());
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
    for (String row : rowDifferences(singular(noun), expected, actual)) {
      text.append(row).append('\n');
    }
    text.append(String.format("     %-" + width + "s | %s%n", "expected", "actual"));
    for (int i = 0; i < rows; i++) {
      Object left = i < expected.size() ? expected.get(i) : NONE;
      Object right = i < actual.size() ? actual.get(i) : NONE;
      String marker = Objects.equals(left, right) ? " " : "!";
      text.append(String.format("%s %2d %-" + width + "s | %s%n", marker, i + 1, left, right));
    }
    return text.toString();
  }

  /** One line per row that differs, such as "event 2 (Deposited) differs in amount: ...". */
  private static List<String> rowDifferences(String noun, List<?> expected, List<?> actual) {
    var lines = new ArrayList<String>();
    int rows = Math.max(expected.size(), actual.size());
    for (int i = 0; i < rows; i++) {
      String row = noun + " " + (i + 1);
      if (i >= actual.size()) {
        lines.add(row + " (" + typeOf(expected.get(i)) + ") is missing");
      } else if (i >= expected.size()) {
        lines.add(row + " (" + typeOf(actual.get(i)) + ") was not expected");
      } else {
        Object left = expected.get(i);
        Object right = actual.get(i);
        if (Objects.equals(left, right)) {
          continue;
        }
        if (left == null || right == null || left.getClass() != right.getClass()) {
          lines.add(row + " is " + article(typeOf(right)) + ", expected " + article(typeOf(left)));
          continue;
        }
        lines.add(row + " (" + typeOf(left) + ") differs" + phrase(left, right));
      }
    }
    return lines;
  }

  /**
   * {@return how two values differ, as " in amount: expected 100 but was 90; in note: ..." or, for
   * values without fields, ": expected "a" but was "b""}
   */
  static String phrase(Object expected, Object actual) {
    return FieldDifferences.between(expected, actual).stream()
        .map(d -> d.path().isEmpty() ? ": " + d.text() : " in " + d)
        .collect(Collectors.joining(";"));
  }

  private static String singular(String noun) {
    return noun.endsWith("(s)") ? noun.substring(0, noun.length() - 3) : noun;
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  private static String article(String type) {
    return type.equals("null") ? "null" : (type.matches("^[AEIOUaeiou].*") ? "an " : "a ") + type;
  }
}
