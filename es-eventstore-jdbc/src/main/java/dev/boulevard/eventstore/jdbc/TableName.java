package dev.boulevard.eventstore.jdbc;

import java.util.regex.Pattern;

/** Checks table names before they are put into SQL, since names cannot be bound as parameters. */
public final class TableName {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

  private TableName() {}

  /**
   * Checks a table name.
   *
   * @param name the name
   * @return the name, unchanged
   * @throws IllegalArgumentException if it is not 1 to 40 letters, digits or underscores, not
   *     starting with a digit
   */
  public static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A table name is 1 to 40 letters, digits or underscores, not starting with a digit;"
              + " got '"
              + name
              + "'");
    }
    return name;
  }
}
