package dev.boulevard.serializer;

import dev.boulevard.BoulevardException;
import org.jspecify.annotations.Nullable;

/** Thrown when an event cannot be turned into its stored form, or back. */
public class SerializationException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the type concerned
   * @param cause the underlying failure, or null
   */
  protected SerializationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** {@return the exception for an event of the given class that could not be serialized} */
  public static SerializationException cannotSerialize(Class<?> type, Throwable cause) {
    return new SerializationException(
        "Could not serialize an event of " + type.getName() + ": " + cause, cause);
  }

  /** {@return the exception for stored data that does not make an event of the named type} */
  public static SerializationException cannotDeserialize(String typeName, Throwable cause) {
    return new SerializationException(
        "Could not deserialize an event of type '" + typeName + "': " + cause, cause);
  }
}
