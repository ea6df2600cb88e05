package dev.boulevard.eventsourcing;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A part of an aggregate with state of its own, such as a lot in a wallet, that receives every
 * event of its aggregate root and can record new ones through it.
 *
 * <p>An entity is attached to its root the first time the root hands it an event, which happens
 * when the root returns it from {@code childEntities()}. Not thread-safe, like its root.
 *
 * @param <E> the type of the root's events
 */
public abstract class EventSourcedEntity<E> {

  private EventSourcedAggregateRoot<E> root;

  /** Creates an entity that is not attached to a root yet. */
  protected EventSourcedEntity() {}

  /**
   * Changes the entity's state for one of its root's events.
   *
   * @param event the event, which may concern another entity
   */
  protected abstract void when(E event);

  /** {@return the entity's own child entities, which receive every event after it} */
  protected Collection<? extends EventSourcedEntity<E>> childEntities() {
    return List.of();
  }

  /**
   * Records a new event through the aggregate root, which hands it to every entity.
   *
   * @param event the event that happened
   * @throws IllegalStateException if the root has not handed this entity an event yet, or is
   *     handling one now, as when this is called from {@link #when}
   */
  protected final void apply(E event) {
    if (root == null) {
      throw new IllegalStateException(
          getClass().getName()
              + " is not attached to an aggregate root yet: return it from the root's"
              + " childEntities() and create it while the root handles an event");
    }
    root.applyFromEntity(Objects.requireNonNull(event, "event"));
  }

  final void attachTo(EventSourcedAggregateRoot<E> newRoot) {
    if (root == null) {
      root = newRoot;
    } else if (root != newRoot) {
      throw new IllegalStateException(
          getClass().getName() + " already belongs to another aggregate root");
    }
  }
}
