package dev.boulevard.domain;

/**
 * Thrown when an aggregate id is blank or holds a control character; nothing was stored or read.
 */
public final class InvalidAggregateIdException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The longest part of a refused id that a message quotes. */
  private static final int QUOTED_LENGTH = 80;

  private InvalidAggregateIdException(String message) {
    super(message);
  }

  /**
   * {@return the exception for an id that is empty or only whitespace}
   *
   * @param aggregateId the refused id
   */
  public static InvalidAggregateIdException blank(String aggregateId) {
    return new InvalidAggregateIdException(
        "The aggregate id "
            + quoted(aggregateId)
            + " is blank: give every aggregate an id with at least one visible character");
  }

  /**
   * {@return the exception for an id with a control character, such as a line break or NUL}
   *
   * @param aggregateId the refused id
   * @param index where the first control character is
   */
  public static InvalidAggregateIdException controlCharacter(String aggregateId, int index) {
    return new InvalidAggregateIdException(
        "The aggregate id "
            + quoted(aggregateId)
            + " holds the control character U+"
            + String.format("%04X", (int) aggregateId.charAt(index))
            + " at index "
            + index
            + ": aggregate ids must be free of control characters, such as line breaks, tabs"
            + " and NUL");
  }

  /** Quotes an id with Java's escapes, so that every character of it shows in a log line. */
  private static String quoted(String id) {
    var quoted = new StringBuilder("\"");
    int end = Math.min(id.length(), QUOTED_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = id.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    quoted.append('"');
    if (id.length() > end) {
      quoted.append("... (").append(id.length()).append(" characters)");
    }
    return quoted.toString();
  }
}
