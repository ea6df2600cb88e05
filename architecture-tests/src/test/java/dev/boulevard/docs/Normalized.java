package dev.boulevard.docs;

/**
 * Code with its whitespace normalized: runs of whitespace vanish, except between two characters of
 * identifiers or literals, where they become one space; so line breaks and indentation that a
 * formatter changes do not matter, and anything else does.
 */
final class Normalized {

  private Normalized() {}

  /** The code with its whitespace normalized. */
  static String of(String code) {
    StringBuilder out = new StringBuilder(code.length());
    boolean pendingSpace = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace && isWordChar(out.charAt(out.length() - 1)) && isWordChar(c)) {
        out.append(' ');
      }
      pendingSpace = false;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
