package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.SerializationException;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonMetadataTest {

  @Test
  void round_trips_metadata_as_a_json_object_of_strings_in_order() {
    var values = new LinkedHashMap<String, String>();
    values.put("user", "u-1");
    values.put("reason", "Grüße, 東京 🚀 \"quoted\"");
    Metadata metadata = Metadata.of(values);

    String json = JsonMetadata.write(metadata);

    assertThat(json).startsWith("{\"user\":\"u-1\",\"reason\":");
    assertThat(JsonMetadata.read(json)).isEqualTo(metadata);
    assertThat(JsonMetadata.read(json).values().keySet()).containsExactly("user", "reason");
  }

  @Test
  void round_trips_empty_metadata() {
    assertThat(JsonMetadata.write(Metadata.empty())).isEqualTo("{}");
    assertThat(JsonMetadata.read("{}")).isEqualTo(Metadata.empty());
  }

  @Test
  void reads_metadata_as_a_database_spaces_it() {
    assertThat(JsonMetadata.read("{\"user\": \"u-1\"}")).isEqualTo(Metadata.of("user", "u-1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"user\":",
        "",
        "null",
        "[]",
        "\"user\"",
        "{\"user\":1}",
        "{\"user\":null}",
        "{\"user\":{\"id\":\"u-1\"}}",
        "{\"user\":\"u-1\",\"user\":\"u-2\"}",
        "{\"user\":\"u-1\"} trailing"
      })
  void malformed_metadata_is_a_serialization_error_naming_metadata(String json) {
    assertThatThrownBy(() -> JsonMetadata.read(json))
        .isExactlyInstanceOf(SerializationException.class)
        .hasMessageContaining("'metadata'");
  }
}
