package dev.boulevard.readmodel.saga;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.readmodel.spi.OutboxEntry;
import dev.boulevard.serializer.EventTypeRegistry;

/**
 * Writes commands as JSON under the names a registry gives their classes, and reads them back into
 * the registered class only: a stored name never makes a class load. Thread-safe.
 */
final class CommandCodec {

  private final EventTypeRegistry types;
  private final ObjectMapper mapper;

  CommandCodec(EventTypeRegistry types, ObjectMapper mapper) {
    this.types = types;
    this.mapper = mapper;
  }

  /** A command as stored: its registered name and its JSON. */
  record Encoded(String type, String json) {}

  /**
   * Writes a command.
   *
   * @throws IllegalArgumentException if its class is not registered, or it cannot be written
   */
  Encoded encode(Object command) {
    String type =
        types
            .findName(command.getClass())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Command class "
                            + command.getClass().getName()
                            + " is not registered in the sagas' command type registry"));
    try {
      return new Encoded(type, mapper.writeValueAsString(command));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write command " + type + " as JSON: " + e, e);
    }
  }

  /**
   * Reads a stored command.
   *
   * @throws IllegalStateException if its name is not registered or its JSON does not fit
   */
  Object decode(OutboxEntry entry) {
    Class<?> type = types.entries().get(entry.commandType());
    if (type == null) {
      throw new IllegalStateException(
          "Outbox entry "
              + entry.id()
              + " holds command type '"
              + entry.commandType()
              + "', which the sagas' command type registry does not know");
    }
    try {
      return mapper.readValue(entry.command(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Outbox entry "
              + entry.id()
              + " holds a "
              + entry.commandType()
              + " that cannot be read: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
