package dev.boulevard.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
  public static List<String> differences(@Nullable Object expected, @Nullable Object actual) {
    return FieldDifferences.between(expected, actual).stream()
        .map(FieldDifferences.Difference::toString)
        .toList();
  }

  /**
   * Fails with a side-by-side description unless the lists hold equal items, pairing the items by a
   * key, such as a read model's id, rather than by position: an item missing from one list is then
   * named by its key and does not shift the rows after it.
   *
   * @param what what differs, such as "The read model differs"
   * @param noun what the lists hold, such as "document(s)": without "(s)" and with the key it names
   *     a row, as in "document a-1 (Balance) differs in amount: expected 100 but was 90"
   * @param expected the expected items, in the order to show them
   * @param actual the actual items, in the order to show them
   * @param key the key of an item, unique within each list
   * @param <E> the items' type
   * @throws AssertionFailedError if the lists differ other than in order
   * @throws IllegalArgumentException if two items of one list have the same key
   */
  public static <E> void assertEqualByKey(
      String what,
      String noun,
      List<? extends E> expected,
      List<? extends E> actual,
      Function<? super E, ?> key) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(noun, "noun");
    Objects.requireNonNull(key, "key");
    Map<Object, E> left = byKey(Objects.requireNonNull(expected, "expected"), key, "expected");
    Map<Object, E> right = byKey(Objects.requireNonNull(actual, "actual"), key, "actual");
    if (left.equals(right)) {
      return;
    }
    var keys = new LinkedHashSet<Object>(left.keySet());
    keys.addAll(right.keySet());
    var rows = new ArrayList<Row>();
    for (Object k : keys) {
      rows.add(
          new Row(
              singular(noun) + " " + k,
              left.get(k),
              right.get(k),
              left.containsKey(k),
              right.containsKey(k)));
    }
    throw new AssertionFailedError(
        describe(what, noun, expected.size(), actual.size(), rows),
        render(expected),
        render(actual));
  }

  private static <E> Map<Object, E> byKey(
      List<? extends E> items, Function<? super E, ?> key, String which) {
    var map = new LinkedHashMap<Object, E>();
    for (E item : items) {
      Object k = key.apply(item);
      if (map.containsKey(k)) {
        throw new IllegalArgumentException(
            "Two " + which + " items have the key " + k + ": keys must be unique in a list");
      }
      map.put(k, item);
    }
    return map;
  }

  /** A row of the table: an expected item beside an actual one, either possibly absent. */
  private record Row(String name, Object left, Object right, boolean hasLeft, boolean hasRight) {}

  private static String describe(String what, String noun, List<?> expected, List<?> actual) {
    var rows = new ArrayList<Row>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      boolean hasLeft = i < expected.size();
      boolean hasRight = i < actual.size();
      rows.add(
          new Row(
              singular(noun) + " " + (i + 1),
              hasLeft ? expected.get(i) : null,
              hasRight ? actual.get(i) : null,
              hasLeft,
              hasRight));
    }
    return describe(what, noun, expected.size(), actual.size(), rows);
  }

  private static String describe(
      String what, String noun, int expectedSize, int actualSize, List<Row> rows) {
    int width = MIN_COLUMN;
    for (Row row : rows) {
      width = Math.max(width, String.valueOf(row.hasLeft() ? row.left() : NONE).length());
    }
    var text = new StringBuilder();
    text.append(what)
        .append(": expected ")
        .append(expectedSize)
        .append(" ")
        .append(noun)
        .append(", got ")
        .append(actualSize)
        .append('\n');
    for (Row row : rows) {
      String difference = difference(row);
      if (difference != null) {
        text.append(difference).append('\n');
      }
    }
    text.append(String.format("     %-" + width + "s | %s%n", "expected", "actual"));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Object left = row.hasLeft() ? row.left() : NONE;
      Object right = row.hasRight() ? row.right() : NONE;
      String marker = difference(row) == null ? " " : "!";
      text.append(String.format("%s %2d %-" + width + "s | %s%n", marker, i + 1, left, right));
    }
    return text.toString();
  }

  /** {@return how a row differs, such as "event 2 (Deposited) differs in amount: ...", or null} */
  private static String difference(Row row) {
    if (!row.hasRight()) {
      return row.name() + " (" + typeOf(row.left()) + ") is missing";
    }
    if (!row.hasLeft()) {
      return row.name() + " (" + typeOf(row.right()) + ") was not expected";
    }
    Object left = row.left();
    Object right = row.right();
    if (Objects.equals(left, right)) {
      return null;
    }
    if (left == null || right == null || left.getClass() != right.getClass()) {
      return row.name() + " is " + article(typeOf(right)) + ", expected " + article(typeOf(left));
    }
    return row.name() + " (" + typeOf(left) + ") differs" + phrase(left, right);
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
