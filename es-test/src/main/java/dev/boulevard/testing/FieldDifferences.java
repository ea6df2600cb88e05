package dev.boulevard.testing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names where two values differ: records component by component, lists item by item, maps key by
 * key, nested to a few levels; anything else by {@code equals}, described by {@code toString}.
 */
final class FieldDifferences {

  private static final int MAX_DEPTH = 8;
  private static final int MAX_DIFFERENCES = 10;

  /** Where two values differ, the path empty for the values themselves, and how. */
  record Difference(String path, String text) {

    /** {@return "path: text", or the text alone for the values themselves} */
    @Override
    public String toString() {
      return path.isEmpty() ? text : path + ": " + text;
    }
  }

  private final List<Difference> found = new ArrayList<>();

  private FieldDifferences() {}

  /**
   * Lists the differences, such as amount: expected 100 but was 90; none if the values are equal.
   */
  static List<Difference> between(Object expected, Object actual) {
    var differences = new FieldDifferences();
    differences.compare("", expected, actual, 0);
    return differences.found;
  }

  /** Renders a value as the failure messages show it: strings quoted, arrays by their items. */
  static String render(Object value) {
    if (value instanceof String || value instanceof Character) {
      return "\"" + value + "\"";
    }
    if (value != null && value.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
    }
    return String.valueOf(value);
  }

  private void compare(String path, Object expected, Object actual, int depth) {
    if (found.size() >= MAX_DIFFERENCES || Objects.deepEquals(expected, actual)) {
      return;
    }
    if (expected == null
        || actual == null
        || expected.getClass() != actual.getClass()
        || depth >= MAX_DEPTH) {
      add(path, expected, actual);
    } else if (expected.getClass().isRecord()) {
      compareRecords(path, expected, actual, depth);
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      compareLists(path, e, a, depth);
    } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      compareMaps(path, e, a, depth);
    } else {
      add(path, expected, actual);
    }
  }

  private void compareRecords(String path, Object expected, Object actual, int depth) {
    int before = found.size();
    try {
      for (RecordComponent component : expected.getClass().getRecordComponents()) {
        var accessor = component.getAccessor();
        // Records declared inside tests are often not public; a module that does not open its
        // package keeps them to itself, and then the kit falls back to equals and toString.
        if (!accessor.trySetAccessible() && !accessor.canAccess(expected)) {
          throw new IllegalAccessException(accessor.toString());
        }
        compare(
            join(path, component.getName()),
            accessor.invoke(expected),
            accessor.invoke(actual),
            depth + 1);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A record the kit may not read, such as one in a module that does not open its package.
      found.subList(before, found.size()).clear();
      add(path, expected, actual);
      return;
    }
    if (found.size() == before && !expected.equals(actual)) {
      found.add(
          new Difference(
              path,
              "every component is equal, but equals() says the records differ: expected "
                  + render(expected)
                  + " but was "
                  + render(actual)));
    }
  }

  private void compareLists(String path, List<?> expected, List<?> actual, int depth) {
    if (expected.size() != actual.size()) {
      found.add(
          new Difference(
              path,
              "expected "
                  + expected.size()
                  + " item(s) "
                  + render(expected)
                  + " but was "
                  + actual.size()
                  + " item(s) "
                  + render(actual)));
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      compare(path + "[" + i + "]", expected.get(i), actual.get(i), depth + 1);
    }
  }

  private void compareMaps(String path, Map<?, ?> expected, Map<?, ?> actual, int depth) {
    Set<Object> keys = new LinkedHashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (Object key : keys) {
      String keyPath = path + "[" + render(key) + "]";
      if (!actual.containsKey(key)) {
        found.add(
            new Difference(keyPath, "expected " + render(expected.get(key)) + " but was absent"));
      } else if (!expected.containsKey(key)) {
        found.add(new Difference(keyPath, "expected no entry but was " + render(actual.get(key))));
      } else {
        compare(keyPath, expected.get(key), actual.get(key), depth + 1);
      }
    }
  }

  private void add(String path, Object expected, Object actual) {
    String left = render(expected);
    String right = render(actual);
    if (left.equals(right) && expected != null && actual != null) {
      // Such as 100 and 100L: the types tell them apart.
      left += " (" + expected.getClass().getName() + ")";
      right += " (" + actual.getClass().getName() + ")";
    }
    found.add(new Difference(path, "expected " + left + " but was " + right));
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
