package dev.boulevard.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A ```java block of a Markdown file: where it starts, its text, and whether an opt-out comment
 * ({@code <!-- not compiled: reason -->}) stands on the line before its fence.
 */
record JavaSample(Path file, int line, String code, boolean optedOut) {

  private static final Pattern OPT_OUT = Pattern.compile("<!--\\s*not compiled:\\s*\\S.*-->");

  /** Every ```java block of the Markdown text. */
  static List<JavaSample> in(Path file, String markdown) {
    List<JavaSample> samples = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String fence = lines[i].strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      int end = closingFence(lines, i);
      if (fence.equals("```java")) {
        boolean optedOut = i > 0 && OPT_OUT.matcher(lines[i - 1].strip()).matches();
        String code = String.join("\n", List.of(lines).subList(i + 1, end));
        samples.add(new JavaSample(file, i + 1, code, optedOut));
      }
      i = end;
    }
    return samples;
  }

  private static int closingFence(String[] lines, int open) {
    for (int j = open + 1; j < lines.length; j++) {
      if (lines[j].strip().equals("```")) {
        return j;
      }
    }
    return lines.length;
  }

  /** The first line that is not blank, to name the sample in a failure. */
  String firstLine() {
    return code.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
  }

  /** Where the sample is and how it starts. */
  String describe() {
    return Repository.relative(file) + ":" + line + " (" + firstLine() + ")";
  }
}
