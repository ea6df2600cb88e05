package dev.boulevard.serializer.jackson;

import dev.boulevard.serializer.SerializationException;

/** Checks that what a mapper read is of the class asked for, as a JSON null is not. */
final class ReadCheck {

  private ReadCheck() {}

  /**
   * {@return the value, cast to the class}
   *
   * @param name the stored type name or class name to report
   * @throws SerializationException naming it if the value is null or of another class
   */
  static <T> T as(String name, Class<T> type, Object value) {
    if (!type.isInstance(value)) {
      throw SerializationException.cannotDeserialize(
          name,
          new IllegalArgumentException(
              "the data makes "
                  + (value == null ? "JSON null" : "a " + value.getClass().getName())
                  + ", not a "
                  + type.getName()));
    }
    return type.cast(value);
  }
}
