package dev.boulevard.readmodel.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.readmodel.spi.FieldIndex.Entry;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FieldIndexTest {

  private final FieldIndex index = new FieldIndex(JacksonMappers.defaults());

  private static String sha256(String text) throws Exception {
    return "h:"
        + HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writes_each_kind_of_scalar_as_canonical_text() {
    var model = new LinkedHashMap<String, Object>();
    model.put("text", "Alice");
    model.put("integer", 5);
    model.put("decimal", new BigDecimal("5.500"));
    model.put("large", new BigDecimal("1E+3"));
    model.put("yes", true);
    model.put("no", false);
    model.put("nothing", null);

    assertThat(index.entriesOf(model))
        .containsExactly(
            new Entry("text", "s:Alice"),
            new Entry("integer", "n:5"),
            new Entry("decimal", "n:5.5"),
            new Entry("large", "n:1000"),
            new Entry("yes", "b:true"),
            new Entry("no", "b:false"),
            new Entry("nothing", "z:"));
  }

  @Test
  void gives_equal_numbers_equal_keys() {
    for (Object five : List.of(5, 5L, 5.0, 5.0f, (short) 5, new BigDecimal("5.00"))) {
      assertThat(index.clause("n", five)).as("%s", five).isEqualTo(new Entry("n", "n:5"));
    }
    assertThat(index.clause("n", 0.1f)).isEqualTo(new Entry("n", "n:0.1"));
    assertThat(index.clause("n", 0.0)).isEqualTo(index.clause("n", -0.0));
    assertThat(index.clause("n", Double.NaN).key()).isEqualTo("n:NaN");
  }

  @Test
  void indexes_each_scalar_element_of_an_array_once_and_skips_objects_and_nested_arrays() {
    var model = new LinkedHashMap<String, Object>();
    model.put("tags", List.of("a", "b", "a", 1, Map.of("x", 1), List.of("nested")));
    model.put("object", Map.of("city", "Lisbon"));

    assertThat(index.entriesOf(model))
        .containsExactly(
            new Entry("tags", "s:a"), new Entry("tags", "s:b"), new Entry("tags", "n:1"));
  }

  @Test
  void hashes_keys_and_field_names_longer_than_190_characters() throws Exception {
    String fits = "x".repeat(188); // "s:" and 188 characters make 190
    String tooLong = "x".repeat(189);
    String longField = "f".repeat(191);

    assertThat(index.clause("f", fits).key()).isEqualTo("s:" + fits);
    assertThat(index.clause("f", tooLong).key()).isEqualTo(sha256("s:" + tooLong)).hasSize(66);
    assertThat(index.clause("f".repeat(190), 1).field()).isEqualTo("f".repeat(190));
    assertThat(index.clause(longField, 1).field()).isEqualTo(sha256(longField));
  }

  @Test
  void refuses_an_object_or_array_clause_naming_the_field() {
    assertThatThrownBy(() -> index.clause("address", Map.of("city", "Lisbon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'address'")
        .hasMessageContaining("object");
    assertThatThrownBy(() -> index.clause("tags", List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tags'")
        .hasMessageContaining("array");
  }

  @Test
  void refuses_a_value_jackson_cannot_write_naming_the_field() {
    assertThatThrownBy(() -> index.clause("thing", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'thing'");
  }

  @Test
  void has_no_entries_for_a_model_that_is_not_a_json_object() {
    assertThat(index.entriesOf("just a string")).isEmpty();
  }
}
