package dev.boulevard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocsTest {

  @Test
  void every_java_sample_of_the_docs_occurs_verbatim_in_compiled_code() {
    List<String> sources =
        Repository.javaSources().stream().map(Repository::read).map(Normalized::of).toList();
    List<String> notCompiled = new ArrayList<>();
    int checked = 0;
    for (Path doc : Repository.markdownFiles()) {
      for (JavaSample sample : JavaSample.in(doc, Repository.read(doc))) {
        if (sample.optedOut()) {
          continue;
        }
        checked++;
        String code = Normalized.of(sample.code());
        if (sources.stream().noneMatch(source -> source.contains(code))) {
          notCompiled.add(sample.describe());
        }
      }
    }
    assertThat(checked).as("java samples found").isPositive();
    assertThat(notCompiled)
        .as(
            "java samples found in no file under */src/main/java or */src/test/java (whitespace"
                + " aside); put each in a compiled file, or fix it to match one")
        .isEmpty();
  }

  @Test
  void every_relative_link_of_the_docs_points_to_a_file_or_heading_that_exists() {
    List<String> broken = new ArrayList<>();
    for (Path doc : Repository.markdownFiles()) {
      for (MarkdownLink link : MarkdownLink.in(doc, Repository.read(doc))) {
        String problem = problemOf(link);
        if (problem != null) {
          broken.add(link.describe() + ": " + problem);
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  private static String problemOf(MarkdownLink link) {
    Path target = link.resolvedPath();
    if (!Files.exists(target)) {
      return "no such file";
    }
    if (link.anchor().isEmpty() || !target.toString().endsWith(".md")) {
      return null;
    }
    return Anchors.of(Repository.read(target)).contains(link.anchor())
        ? null
        : "no heading with anchor #" + link.anchor();
  }
}
