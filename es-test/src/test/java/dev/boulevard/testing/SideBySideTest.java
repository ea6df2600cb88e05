package dev.boulevard.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SideBySideTest {

  @Test
  void passes_on_equal_lists() {
    assertThatCode(() -> SideBySide.assertEqual("Differ", "item(s)", List.of("a"), List.of("a")))
        .doesNotThrowAnyException();
  }

  @Test
  void fails_with_both_lists_row_by_row_and_marks_the_rows_that_differ() {
    assertThatThrownBy(
            () ->
                SideBySide.assertEqual(
                    "Events differ", "event(s)", List.of("a", "b"), List.of("a")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Events differ: expected 2 event(s), got 1")
        .hasMessageContaining("   1 a")
        .hasMessageContaining("!  2 b")
        .hasMessageContaining("| (none)");
  }
}
