package dev.boulevard.serializer;

/** Thrown when an event type name or class is not in the {@link EventTypeRegistry}. */
public final class UnknownEventTypeException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private UnknownEventTypeException(String message) {
    super(message, null);
  }

  /** {@return the exception for a stored type name that no class is registered under} */
  public static UnknownEventTypeException forName(String typeName) {
    return new UnknownEventTypeException(
        "Unknown event type '"
            + typeName
            + "': register the class that reads it in the EventTypeRegistry");
  }

  /** {@return the exception for an event class that has no registered type name} */
  public static UnknownEventTypeException forClass(Class<?> type) {
    return new UnknownEventTypeException(
        "Event class "
            + type.getName()
            + " has no registered type name: register it in the EventTypeRegistry");
  }
}
