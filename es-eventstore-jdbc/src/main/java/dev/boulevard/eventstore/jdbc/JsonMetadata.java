package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.SerializationException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata column's form, a JSON object of strings, written and read with Jackson's streaming
 * API; stateless and thread-safe. The store owns it, not the events' serializer, since the column
 * is JSON whatever the events are.
 */
final class JsonMetadata {

  private static final String METADATA = "metadata";
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonMetadata() {}

  /**
   * {@return the metadata as a JSON object of strings, such as {@code {"user":"u-1"}}}
   *
   * @throws SerializationException if it cannot be written
   */
  static String write(Metadata metadata) {
    if (metadata.values().isEmpty()) {
      return "{}";
    }
    var out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.writeStartObject();
      for (Map.Entry<String, String> entry : metadata.values().entrySet()) {
        generator.writeStringField(entry.getKey(), entry.getValue());
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw SerializationException.cannotSerialize(Metadata.class, e);
    }
    return out.toString();
  }

  /**
   * {@return the metadata of a JSON object of strings}
   *
   * @throws SerializationException naming "metadata" if the text is not a JSON object of strings
   */
  static Metadata read(String json) {
    if (json.equals("{}")) {
      return Metadata.empty(); // the common case, read without a parser
    }
    var values = new LinkedHashMap<String, String>();
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken start = parser.nextToken();
      if (start != JsonToken.START_OBJECT) {
        throw notMetadata("the data is " + start + ", not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
          throw notMetadata("the value of key '" + key + "' is not a string");
        }
        if (values.put(key, parser.getText()) != null) {
          throw notMetadata("key '" + key + "' appears twice");
        }
      }
      if (parser.nextToken() != null) {
        throw notMetadata("the data goes on after the JSON object");
      }
    } catch (IOException e) {
      throw SerializationException.cannotDeserialize(METADATA, e);
    }
    return Metadata.of(values);
  }

  private static SerializationException notMetadata(String problem) {
    return SerializationException.cannotDeserialize(
        METADATA, new IllegalArgumentException(problem));
  }
}
