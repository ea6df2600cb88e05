package dev.boulevard.commandhandling;

import java.util.Objects;

/**
 * The key that makes a command idempotent: two dispatches with equal keys apply the command once.
 *
 * <p>The scope separates the keys of different senders, such as one client's from another's or an
 * outbox's from an HTTP API's: equal values in different scopes are different keys.
 *
 * @param scope whose keys these are: 1 to 100 characters, none of them a control character
 * @param value the key itself, as the sender chose it: 1 to 200 characters, none a control
 *     character
 */
public record IdempotencyKey(String scope, String value) {

  /** The longest scope a key may have. */
  public static final int MAX_SCOPE_LENGTH = 100;

  /** The longest value a key may have. */
  public static final int MAX_VALUE_LENGTH = 200;

  /** Rejects nulls, empty or over-long parts, and control characters, naming what is wrong. */
  public IdempotencyKey {
    check("scope", scope, MAX_SCOPE_LENGTH);
    check("value", value, MAX_VALUE_LENGTH);
  }

  /**
   * {@return a key}
   *
   * @param scope whose keys these are
   * @param value the key itself
   */
  public static IdempotencyKey of(String scope, String value) {
    return new IdempotencyKey(scope, value);
  }

  private static void check(String part, String text, int maxLength) {
    Objects.requireNonNull(text, part);
    if (text.isEmpty() || text.length() > maxLength) {
      throw new IllegalArgumentException(
          "An idempotency key's "
              + part
              + " must have 1 to "
              + maxLength
              + " characters, not "
              + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new IllegalArgumentException(
            "An idempotency key's "
                + part
                + " must not contain control characters, as at index "
                + i);
      }
    }
  }

  @Override
  public String toString() {
    return "'" + value + "' (scope '" + scope + "')";
  }
}
