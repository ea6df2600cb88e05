package dev.boulevard.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocsCheckTest {

  private static final Path DOC = Repository.ROOT.resolve("docs/guide.md");

  @Test
  void normalizing_ignores_line_breaks_and_indentation_but_keeps_words_apart() {
    assertThat(Normalized.of("var x =\n    foo(a,\n        b);"))
        .isEqualTo(Normalized.of("var x = foo(a, b);"))
        .isEqualTo("var x=foo(a,b);");
    assertThat(Normalized.of("final  class\tA")).isEqualTo("final class A");
  }

  @Test
  void a_sample_with_other_code_is_not_found_in_a_source() {
    String source = Normalized.of("void m() {\n  store.append(id, stream);\n}");

    assertThat(source).contains(Normalized.of("store.append(id,\n    stream);"));
    assertThat(source).doesNotContain(Normalized.of("store.append(stream, id);"));
  }

  @Test
  void java_blocks_are_found_with_their_line_and_opt_out_marker() {
    String markdown =
        String.join(
            "\n",
            "# Guide",
            "```java",
            "var a = 1;",
            "```",
            "```sh",
            "echo not java",
            "```",
            "<!-- not compiled: a fragment of a grammar -->",
            "```java",
            "a | b",
            "```",
            "  ```java",
            "  int indented = 2;",
            "  ```");

    assertThat(JavaSample.in(DOC, markdown))
        .extracting(JavaSample::line, JavaSample::firstLine, JavaSample::optedOut)
        .containsExactly(
            tuple(2, "var a = 1;", false),
            tuple(9, "a | b", true),
            tuple(12, "int indented = 2;", false));
  }

  @Test
  void a_failure_names_the_file_line_and_first_line_of_the_sample() {
    JavaSample sample = new JavaSample(DOC, 7, "\n  Projections projections =\n  x;", false);

    assertThat(sample.describe()).isEqualTo("docs/guide.md:7 (Projections projections =)");
  }

  @Test
  void links_outside_code_are_found_and_absolute_ones_left_out() {
    String markdown =
        String.join(
            "\n",
            "See [the store](event-store.md#the-global-log) and [Broadway](https://example.org).",
            "`[not a link](nowhere.md)` and ![a chart](load.png)",
            "```md",
            "[in a block](nowhere.md)",
            "```",
            "[here](#a-heading)");

    assertThat(MarkdownLink.in(DOC, markdown))
        .extracting(MarkdownLink::target)
        .containsExactly("event-store.md#the-global-log", "load.png", "#a-heading");
  }

  @Test
  void a_link_resolves_against_its_file_and_splits_off_its_anchor() {
    MarkdownLink link = new MarkdownLink(DOC, 1, "../README.md#quick-start");

    assertThat(link.resolvedPath()).isEqualTo(Repository.ROOT.resolve("README.md"));
    assertThat(link.anchor()).isEqualTo("quick-start");
    assertThat(new MarkdownLink(DOC, 1, "#x").resolvedPath()).isEqualTo(DOC);
  }

  @Test
  void anchors_follow_github_lower_case_without_punctuation_and_numbered_repeats() {
    String markdown =
        String.join(
            "\n",
            "# The relational store (`es-eventstore-jdbc`)",
            "## Read models, and projections",
            "## Measured",
            "## Measured",
            "```sh",
            "# a comment, not a heading",
            "```");

    assertThat(Anchors.of(markdown))
        .containsExactlyInAnyOrder(
            "the-relational-store-es-eventstore-jdbc",
            "read-models-and-projections",
            "measured",
            "measured-1");
  }
}
