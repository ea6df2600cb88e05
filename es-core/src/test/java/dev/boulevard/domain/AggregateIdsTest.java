package dev.boulevard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AggregateIdsTest {

  @Test
  void accepts_ids_with_inner_leading_or_trailing_spaces_and_unicode() {
    for (var id : new String[] {"a-1", " a", "a ", "a b", "konto-Ärger-日本-🚀", "\"q\\"}) {
      assertThat(AggregateIds.requireValid(id)).isSameAs(id);
    }
  }

  @Test
  void refuses_a_null_id() {
    assertThatNullPointerException()
        .isThrownBy(() -> AggregateIds.requireValid(null))
        .withMessageContaining("aggregateId");
  }

  @Test
  void shows_invisible_whitespace_of_a_blank_id_as_escapes() {
    assertThatThrownBy(() -> AggregateIds.requireValid(" \u2003\t"))
        .isInstanceOf(InvalidAggregateIdException.class)
        .hasMessageStartingWith("The aggregate id \" \\u2003\\t\" is blank");
  }

  @Test
  void names_the_control_character_and_where_it_is() {
    assertThatThrownBy(() -> AggregateIds.requireValid("ab\u0000c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"ab\\u0000c\"")
        .hasMessageContaining("U+0000 at index 2");
  }

  @Test
  void quotes_only_the_start_of_a_long_id_and_says_how_long_it_is() {
    String id = "x".repeat(500) + "\n";

    assertThatThrownBy(() -> AggregateIds.requireValid(id))
        .hasMessageContaining("\"" + "x".repeat(80) + "\"... (501 characters)")
        .hasMessageContaining("U+000A at index 500");
  }
}
