package dev.boulevard.serializer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The explicit, one-to-one map between event classes and the stable names they are stored under.
 *
 * <p>Names are chosen by the team, never derived from class names, so that a class can be renamed
 * or moved without breaking stored history. Immutable and thread-safe.
 */
public final class EventTypeRegistry {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,254}");

  private final Map<String, Class<?>> typesByName;
  private final Map<Class<?>, String> namesByType;

  private EventTypeRegistry(Map<String, Class<?>> typesByName, Map<Class<?>, String> namesByType) {
    this.typesByName = Collections.unmodifiableMap(new LinkedHashMap<>(typesByName));
    this.namesByType = Map.copyOf(namesByType);
  }

  /** {@return a builder for a registry} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Looks up the stored name of an event class.
   *
   * @param type the event's class
   * @return the name it is stored under
   * @throws UnknownEventTypeException if the class is not registered
   */
  public String nameOf(Class<?> type) {
    String name = namesByType.get(Objects.requireNonNull(type, "type"));
    if (name == null) {
      throw UnknownEventTypeException.forClass(type);
    }
    return name;
  }

  /**
   * Looks up the class registered under a stored name.
   *
   * @param name the stored name
   * @return the class that reads it
   * @throws UnknownEventTypeException if the name is not registered
   */
  public Class<?> typeOf(String name) {
    Class<?> type = typesByName.get(Objects.requireNonNull(name, "name"));
    if (type == null) {
      throw UnknownEventTypeException.forName(name);
    }
    return type;
  }

  /** {@return the stored name of an event class, if it is registered} */
  public Optional<String> findName(Class<?> type) {
    return Optional.ofNullable(namesByType.get(type));
  }

  /** {@return every registered name with its class, in registration order; unmodifiable} */
  public Map<String, Class<?>> entries() {
    return typesByName;
  }

  /** Collects the registrations of an {@link EventTypeRegistry}; not thread-safe. */
  public static final class Builder {

    private final Map<String, Class<?>> typesByName = new LinkedHashMap<>();
    private final Map<Class<?>, String> namesByType = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers an event class under a stored name.
     *
     * @param name 1 to 255 characters of letters, digits and {@code _ . : / -}, starting with a
     *     letter or digit
     * @param type the event's class
     * @return this builder
     * @throws IllegalArgumentException if the name is malformed, or the name or the class is
     *     registered already
     */
    public Builder register(String name, Class<?> type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Event type name '"
                + name
                + "' must be 1 to 255 letters, digits or _ . : / -, starting with a letter or"
                + " digit");
      }
      if (typesByName.containsKey(name)) {
        throw new IllegalArgumentException(
            "Event type name '"
                + name
                + "' is registered already, for "
                + typesByName.get(name).getName());
      }
      if (namesByType.containsKey(type)) {
        throw new IllegalArgumentException(
            "Event class "
                + type.getName()
                + " is registered already, as '"
                + namesByType.get(type)
                + "'");
      }
      typesByName.put(name, type);
      namesByType.put(type, name);
      return this;
    }

    /** {@return the registry} */
    public EventTypeRegistry build() {
      return new EventTypeRegistry(typesByName, namesByType);
    }
  }
}
