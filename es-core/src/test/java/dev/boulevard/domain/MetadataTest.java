package dev.boulevard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetadataTest {

  @Test
  void is_empty_when_created_empty() {
    assertThat(Metadata.empty().isEmpty()).isTrue();
    assertThat(Metadata.empty().values()).isEmpty();
  }

  @Test
  void finds_a_value_by_key() {
    var metadata = Metadata.of("user", "alice");

    assertThat(metadata.get("user")).contains("alice");
    assertThat(metadata.get("other")).isEmpty();
  }

  @Test
  void with_returns_a_copy_and_leaves_the_original_unchanged() {
    var original = Metadata.of("a", "1");

    var changed = original.with("b", "2").with("a", "3");

    assertThat(original.values()).containsExactly(Map.entry("a", "1"));
    assertThat(changed.values()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
  }

  @Test
  void merge_lets_the_other_values_win() {
    var merged = Metadata.of(Map.of("a", "1", "b", "2")).merge(Metadata.of("b", "x"));

    assertThat(merged.values()).containsOnly(Map.entry("a", "1"), Map.entry("b", "x"));
  }

  @Test
  void is_not_changed_by_the_map_it_was_made_from() {
    var source = new HashMap<String, String>();
    source.put("a", "1");
    var metadata = Metadata.of(source);

    source.put("b", "2");

    assertThat(metadata.values()).containsOnlyKeys("a");
    assertThatThrownBy(() -> metadata.values().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejects_a_null_value_naming_its_key() {
    var source = new HashMap<String, String>();
    source.put("user", null);

    assertThatNullPointerException()
        .isThrownBy(() -> Metadata.of(source))
        .withMessageContaining("user");
  }

  @Test
  void equal_pairs_make_equal_metadata() {
    assertThat(Metadata.of("a", "1")).isEqualTo(Metadata.empty().with("a", "1"));
  }
}
