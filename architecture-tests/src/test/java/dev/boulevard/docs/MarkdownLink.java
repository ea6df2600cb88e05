package dev.boulevard.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A relative link of a Markdown file, {@code [label](target)}, outside code blocks and spans. */
record MarkdownLink(Path file, int line, String target) {

  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  private static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  /**
   * Every relative link of the Markdown text (links with a scheme, such as https:, are left out).
   */
  static List<MarkdownLink> in(Path file, String markdown) {
    List<MarkdownLink> links = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(lines[i]).replaceAll(""));
      while (m.find()) {
        if (!ABSOLUTE.matcher(m.group(1)).matches()) {
          links.add(new MarkdownLink(file, i + 1, m.group(1)));
        }
      }
    }
    return links;
  }

  /** The path part of the target, resolved against the linking file's directory. */
  Path resolvedPath() {
    String path = pathPart();
    return path.isEmpty() ? file : file.getParent().resolve(path).normalize();
  }

  /** The target before any {@code #}. */
  String pathPart() {
    int hash = target.indexOf('#');
    return hash < 0 ? target : target.substring(0, hash);
  }

  /** The anchor after {@code #}, or empty. */
  String anchor() {
    int hash = target.indexOf('#');
    return hash < 0 ? "" : target.substring(hash + 1);
  }

  /** Where the link is and what it points to. */
  String describe() {
    return Repository.relative(file) + ":" + line + " -> " + target;
  }
}
