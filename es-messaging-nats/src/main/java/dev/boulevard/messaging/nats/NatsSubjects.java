package dev.boulevard.messaging.nats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link NatsTransport} names subjects, {@code <prefix>.<type>.<aggregateId>}, and how it makes
 * a type name or aggregate id one valid subject token.
 *
 * <p>A token keeps ASCII letters, digits, {@code -} and {@code _}; every other character, {@code
 * .}, {@code *}, {@code >}, whitespace and {@code %} included, becomes {@code %XX} for each byte of
 * its UTF-8 form (upper-case hex), as in URLs. So {@code contract.deposited} travels as {@code
 * contract%2Edeposited}, a UUID or {@code wallet-7} as it is; the encoding is reversible ({@link
 * #decode}) and two different values never share a token. An empty value has no token and is
 * refused. Thread-safe and stateless.
 */
public final class NatsSubjects {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private NatsSubjects() {}

  /**
   * Names the subject of one event.
   *
   * @param prefix the subject prefix, checked by {@link #checkPrefix}
   * @param type the event's type name
   * @param aggregateId its aggregate's id
   * @return {@code <prefix>.<token(type)>.<token(aggregateId)>}
   * @throws IllegalArgumentException if the type name or aggregate id is empty
   */
  public static String subject(String prefix, String type, String aggregateId) {
    return prefix + "." + token(type) + "." + token(aggregateId);
  }

  /**
   * Makes a value one subject token.
   *
   * @param value a type name or aggregate id
   * @return the value with every character outside {@code [A-Za-z0-9_-]} percent-encoded
   * @throws IllegalArgumentException if the value is empty
   */
  public static String token(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("An empty type name or aggregate id has no NATS subject");
    }
    return encode(value, NatsSubjects::keptInToken);
  }

  /**
   * Reads a token (or a header value of {@link NatsTransport}) back.
   *
   * @param encoded what {@link #token} made
   * @return the value
   * @throws IllegalArgumentException if a {@code %} is not followed by two hex digits
   */
  public static String decode(String encoded) {
    var bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      int c = encoded.codePointAt(i);
      if (c != '%') {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
        continue;
      }
      if (i + 2 >= encoded.length()
          || Character.digit(encoded.charAt(i + 1), 16) < 0
          || Character.digit(encoded.charAt(i + 2), 16) < 0) {
        throw new IllegalArgumentException("'" + encoded + "' has a % without two hex digits");
      }
      bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Checks a subject prefix: dot-separated tokens, none empty, without wildcards or whitespace.
   *
   * @param prefix the prefix, such as {@code wallet} or {@code boulevard.wallet}
   * @return the prefix
   * @throws IllegalArgumentException if it is not a valid literal subject
   */
  public static String checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    for (String token : prefix.split("\\.", -1)) {
      if (token.isEmpty() || token.chars().anyMatch(c -> c == '*' || c == '>' || c <= ' ')) {
        throw new IllegalArgumentException(
            "A subject prefix is dot-separated tokens, none empty, without *, > or whitespace;"
                + " got '"
                + prefix
                + "'");
      }
    }
    return prefix;
  }

  /** Encodes a header value: only {@code %}, control characters and non-ASCII ones. */
  static String headerValue(String value) {
    return encode(value, c -> c >= ' ' && c < 0x7f && c != '%');
  }

  private static boolean keptInToken(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private interface Kept {
    boolean test(char c);
  }

  private static String encode(String value, Kept kept) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (kept.test(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(value.length() + 16).append(value, 0, i);
      }
      int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
      for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
      i = end - 1;
    }
    return out == null ? value : out.toString();
  }
}
