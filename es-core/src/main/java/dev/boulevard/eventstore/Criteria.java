package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainMessage;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Which stored events the management API visits: an event matches when every non-empty set of the
 * criteria holds it (an empty set matches everything).
 *
 * @param aggregateIds the aggregates to visit; empty for all
 * @param eventTypes the payload classes to visit, matched exactly; empty for all
 */
public record Criteria(Set<String> aggregateIds, Set<Class<?>> eventTypes) {

  private static final Criteria ALL = new Criteria(Set.of(), Set.of());

  /** Copies the sets. */
  public Criteria {
    aggregateIds = Set.copyOf(Objects.requireNonNull(aggregateIds, "aggregateIds"));
    eventTypes = Set.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
  }

  /** {@return criteria that match every event} */
  public static Criteria all() {
    return ALL;
  }

  /** {@return a copy that matches only the events of the given aggregates} */
  public Criteria withAggregateIds(String... ids) {
    return new Criteria(Set.copyOf(Arrays.asList(ids)), eventTypes);
  }

  /** {@return a copy that matches only events whose payload has one of the given classes} */
  public Criteria withEventTypes(Class<?>... types) {
    return new Criteria(aggregateIds, Set.copyOf(Arrays.asList(types)));
  }

  /** {@return whether the message matches these criteria} */
  public boolean matches(DomainMessage message) {
    return (aggregateIds.isEmpty() || aggregateIds.contains(message.aggregateId()))
        && (eventTypes.isEmpty() || eventTypes.contains(message.payloadType()));
  }
}
