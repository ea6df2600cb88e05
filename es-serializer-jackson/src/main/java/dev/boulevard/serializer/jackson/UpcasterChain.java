package dev.boulevard.serializer.jackson;

import dev.boulevard.domain.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The registered upcasters and current versions: brings a stored event, step by step, to the
 * current version of a registered type. Immutable and thread-safe.
 */
final class UpcasterChain {

  /** The most upcaster calls for one stored event, so that two renames into each other fail. */
  static final int MAX_STEPS = 100;

  private final Map<String, Integer> currentVersions;
  private final Map<Key, Upcaster> upcasters;
  private final java.util.Set<String> sourceTypes;

  record Key(String type, int version) {}

  UpcasterChain(Map<String, Integer> currentVersions, Map<Key, Upcaster> upcasters) {
    this.currentVersions = Map.copyOf(currentVersions);
    this.upcasters = Map.copyOf(upcasters);
    this.sourceTypes = java.util.Set.copyOf(sourceTypes());
  }

  int currentVersion(String type) {
    return currentVersions.getOrDefault(type, 1);
  }

  boolean isEmpty() {
    return upcasters.isEmpty();
  }

  /** {@return whether an upcaster reads some version of the type} */
  boolean reads(String type) {
    return sourceTypes.contains(type);
  }

  List<String> sourceTypes() {
    return upcasters.keySet().stream().map(Key::type).distinct().sorted().toList();
  }

  /**
   * {@return whether an event of this type and version is read as it is: its type is registered and
   * it has the current version}
   */
  boolean isCurrent(String type, int version, boolean registered) {
    return registered && version == currentVersion(type);
  }

  /**
   * Upcasts an event until each resulting event has the current version of a registered type.
   *
   * @param registered tells whether a type name is registered
   */
  List<JsonEvent> upcast(JsonEvent stored, Metadata metadata, Predicate<String> registered) {
    var done = new ArrayList<JsonEvent>();
    int[] steps = {0};
    upcast(stored, metadata, registered, done, steps);
    return done;
  }

  private void upcast(
      JsonEvent event,
      Metadata metadata,
      Predicate<String> registered,
      List<JsonEvent> done,
      int[] steps) {
    boolean known = registered.test(event.type());
    if (isCurrent(event.type(), event.version(), known)) {
      done.add(event);
      return;
    }
    Upcaster upcaster = upcasters.get(new Key(event.type(), event.version()));
    if (upcaster == null) {
      if (known && event.version() > currentVersion(event.type())) {
        throw UpcastingException.newerThanCurrent(
            event.type(), event.version(), currentVersion(event.type()));
      }
      throw UpcastingException.noUpcaster(
          event.type(), event.version(), known ? currentVersion(event.type()) : null);
    }
    if (++steps[0] > MAX_STEPS) {
      throw UpcastingException.endless(event.type(), event.version(), MAX_STEPS);
    }
    for (JsonEvent next : call(upcaster, event, metadata)) {
      upcast(next, metadata, registered, done, steps);
    }
  }

  private static List<JsonEvent> call(Upcaster upcaster, JsonEvent event, Metadata metadata) {
    List<JsonEvent> next;
    try {
      next = upcaster.upcast(event, metadata);
    } catch (RuntimeException e) {
      throw UpcastingException.upcasterFailed(event.type(), event.version(), e);
    }
    if (next == null || next.isEmpty() || next.stream().anyMatch(Objects::isNull)) {
      throw UpcastingException.upcasterFailed(
          event.type(),
          event.version(),
          new IllegalStateException("it returned " + (next == null ? "null" : next)));
    }
    return next;
  }
}
