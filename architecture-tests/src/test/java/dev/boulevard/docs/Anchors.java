package dev.boulevard.docs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as
 * hyphens.
 */
final class Anchors {

  private Anchors() {}

  /** The anchors of every heading outside code blocks, with -1, -2, ... for repeated headings. */
  static Set<String> of(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("#")) {
        String slug = slug(line.replaceFirst("^#+\\s*", ""));
        int count = seen.merge(slug, 1, Integer::sum);
        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
    }
    return anchors;
  }

  /** The anchor of one heading's text. */
  static String slug(String heading) {
    String text = heading.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        out.append(c);
      } else if (c == ' ') {
        out.append('-');
      }
    }
    return out.toString();
  }
}
