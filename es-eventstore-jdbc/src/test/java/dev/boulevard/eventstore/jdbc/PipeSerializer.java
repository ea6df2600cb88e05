package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.UnknownEventTypeException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A serializer written by hand, with no Jackson: two event types as pipe-separated text wrapped in
 * a JSON string, and its own reading of an older version; immutable and thread-safe.
 */
final class PipeSerializer implements Serializer {

  /** A ledger was opened. */
  record Opened(String ledger) {}

  /** Cents were deposited; version 1 stored whole euros. */
  record Deposited(String ledger, long cents) {}

  @Override
  public SerializedEvent serialize(Object event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof Opened opened) {
      return new SerializedEvent("pipe.opened", 1, quoted("opened|" + opened.ledger()));
    }
    if (event instanceof Deposited deposited) {
      return new SerializedEvent(
          "pipe.deposited", 2, quoted(deposited.ledger() + "|" + deposited.cents()));
    }
    throw UnknownEventTypeException.forClass(event.getClass());
  }

  @Override
  public List<Object> deserialize(SerializedEvent serialized, Metadata metadata) {
    String data = serialized.data().strip();
    if (data.length() < 2 || data.charAt(0) != '"' || data.charAt(data.length() - 1) != '"') {
      throw SerializationException.cannotDeserialize(
          serialized.type(), new IllegalArgumentException("not a JSON string: " + data));
    }
    String[] parts = data.substring(1, data.length() - 1).split("\\|");
    return switch (serialized.type() + "@" + serialized.version()) {
      case "pipe.opened@1" -> List.of(new Opened(parts[1]));
      case "pipe.deposited@1" -> List.of(new Deposited(parts[0], Long.parseLong(parts[1]) * 100));
      case "pipe.deposited@2" -> List.of(new Deposited(parts[0], Long.parseLong(parts[1])));
      default -> throw UnknownEventTypeException.forName(serialized.type());
    };
  }

  @Override
  public Set<String> storedTypeNames(Class<?> eventClass) {
    return typeNameOf(eventClass).map(Set::of).orElse(Set.of());
  }

  @Override
  public Optional<String> typeNameOf(Class<?> eventClass) {
    if (eventClass == Opened.class) {
      return Optional.of("pipe.opened");
    }
    return Optional.ofNullable(eventClass == Deposited.class ? "pipe.deposited" : null);
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }
}
