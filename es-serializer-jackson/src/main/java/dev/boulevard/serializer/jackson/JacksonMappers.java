package dev.boulevard.serializer.jackson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson mappers that Boulevard uses unless it is given another; stateless. */
public final class JacksonMappers {

  private JacksonMappers() {}

  /**
   * Creates the mapper used unless another is given: records and {@code java.time} types supported,
   * dates written as ISO-8601 strings, and strict reading that fails on unknown properties,
   * trailing tokens, nulls for primitives and coerced scalars (such as a string for a number).
   *
   * @return a new mapper, which the caller may configure further
   */
  public static ObjectMapper defaults() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }
}
