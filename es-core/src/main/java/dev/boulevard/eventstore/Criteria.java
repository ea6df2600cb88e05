package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainMessage;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Which stored events the management API visits: an event matches when every non-empty set of the
 * criteria holds it (an empty set matches everything).
 *
 * @param aggregateIds the aggregates to visit; empty for all
 * @param eventTypes the concrete payload classes to visit, matched exactly; empty for all
 */
public record Criteria(Set<String> aggregateIds, Set<Class<?>> eventTypes) {

  private static final Criteria ALL = new Criteria(Set.of(), Set.of());

  /**
   * Copies the sets.
   *
   * @throws IllegalArgumentException if an event type is an interface or an abstract class, which
   *     no payload has as its exact class
   */
  public Criteria {
    aggregateIds = Set.copyOf(Objects.requireNonNull(aggregateIds, "aggregateIds"));
    eventTypes = Set.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
    eventTypes.forEach(Criteria::requireConcrete);
  }

  /** {@return criteria that match every event} */
  public static Criteria all() {
    return ALL;
  }

  /** {@return a copy that matches only the events of the given aggregates} */
  public Criteria withAggregateIds(String... ids) {
    return new Criteria(Set.copyOf(Arrays.asList(ids)), eventTypes);
  }

  /**
   * {@return a copy that matches only events whose payload has one of the given classes}
   *
   * @param types the payloads' exact, concrete classes
   * @throws IllegalArgumentException if a type is an interface or an abstract class, such as an
   *     aggregate's sealed event interface: list its records instead
   */
  public Criteria withEventTypes(Class<?>... types) {
    return new Criteria(aggregateIds, Set.copyOf(Arrays.asList(types)));
  }

  private static void requireConcrete(Class<?> type) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(
          "Event type "
              + type.getName()
              + " is "
              + (type.isInterface() ? "an interface" : "abstract")
              + ", but criteria match exact payload classes: list its concrete classes instead");
    }
  }

  /** {@return whether the message matches these criteria} */
  public boolean matches(DomainMessage message) {
    return (aggregateIds.isEmpty() || aggregateIds.contains(message.aggregateId()))
        && (eventTypes.isEmpty() || eventTypes.contains(message.payloadType()));
  }
}
