package dev.boulevard.eventsourcing;

import java.util.Collection;

/** Hands an event to an entity and then, depth first, to each of its child entities. */
final class EventHandling {

  private EventHandling() {}

  static <E> void handleRecursively(
      E event,
      EventSourcedAggregateRoot<E> root,
      Collection<? extends EventSourcedEntity<E>> children) {
    for (EventSourcedEntity<E> child : children) {
      child.attachTo(root);
      child.when(event);
      handleRecursively(event, root, child.childEntities());
    }
  }
}
