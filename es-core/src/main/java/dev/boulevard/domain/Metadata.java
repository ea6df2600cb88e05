package dev.boulevard.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable key-value pairs that travel with an event: who caused it, why, and in which context.
 *
 * <p>Keys and values are strings so that every store can keep them as plain, queryable JSON.
 *
 * @param values the pairs, in insertion order; copied, never null
 */
public record Metadata(Map<String, String> values) {

  private static final Metadata EMPTY = new Metadata(Map.of());

  /** Copies the pairs and rejects null keys or values. */
  public Metadata {
    Objects.requireNonNull(values, "values");
    values.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "metadata key");
          Objects.requireNonNull(value, () -> "metadata value of key '" + key + "'");
        });
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@return metadata with no pairs} */
  public static Metadata empty() {
    return EMPTY;
  }

  /** {@return metadata with one pair} */
  public static Metadata of(String key, String value) {
    return new Metadata(Map.of(key, value));
  }

  /** {@return metadata with the given pairs} */
  public static Metadata of(Map<String, String> values) {
    return new Metadata(values);
  }

  /** {@return the value of the key, if present} */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** {@return a copy with the pair added, replacing any value the key had} */
  public Metadata with(String key, String value) {
    var copy = new LinkedHashMap<>(values);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new Metadata(copy);
  }

  /** {@return a copy with the other metadata's pairs added; the other's values win on a clash} */
  public Metadata merge(Metadata other) {
    if (other.values.isEmpty()) {
      return this;
    }
    var copy = new LinkedHashMap<>(values);
    copy.putAll(other.values);
    return new Metadata(copy);
  }

  /** {@return whether there are no pairs} */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
