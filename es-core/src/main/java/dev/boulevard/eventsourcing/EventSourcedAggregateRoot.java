package dev.boulevard.eventsourcing;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The base class of an aggregate whose state is the result of its events.
 *
 * <p>A subclass decides in its methods, then records the decision with {@link #apply}; its state
 * changes only in {@link #when}, which also rebuilds the state from history. Events are typed by
 * {@code E}, usually a sealed interface implemented by records, and dispatched without reflection:
 *
 * <pre>{@code
 * protected void when(AccountEvent event) {
 *   if (event instanceof Deposited deposited) balance += deposited.amount();
 * }
 * }</pre>
 *
 * <p>Unlike Broadway, reading the uncommitted events does not clear them: the repository marks them
 * committed only once the store has accepted them. Not thread-safe: an instance belongs to the one
 * command that loaded it.
 *
 * @param <E> the type of the aggregate's events
 */
public abstract class EventSourcedAggregateRoot<E> {

  private final Class<E> eventType;
  private final List<E> uncommitted = new ArrayList<>();
  private long playhead = -1;
  private E handling; // the event being handed to when(...), null between events

  /**
   * Creates an aggregate with no history.
   *
   * @param eventType the type of the aggregate's events, checked when history is replayed
   */
  protected EventSourcedAggregateRoot(Class<E> eventType) {
    this.eventType = Objects.requireNonNull(eventType, "eventType");
  }

  /** {@return the aggregate's id, known once its first event has been applied} */
  public abstract String aggregateId();

  /**
   * Changes the aggregate's state for one event; called for new events and for replayed history.
   *
   * @param event the event to take into account
   */
  protected abstract void when(E event);

  /** {@return the child entities that also receive every event, after the root} */
  protected Collection<? extends EventSourcedEntity<E>> childEntities() {
    return List.of();
  }

  /**
   * Records a new event: the aggregate and its children take it into account, and it waits in the
   * uncommitted events until the repository saves the aggregate.
   *
   * @param event the event that happened
   * @throws IllegalStateException if called while the aggregate or one of its entities handles an
   *     event, in {@link #when} or while {@link #initializeState} replays history
   */
  protected final void apply(E event) {
    Objects.requireNonNull(event, "event");
    if (handling != null) {
      throw new IllegalStateException(
          "apply(...) called while handling "
              + handling.getClass().getName()
              + ": decide in methods, record with apply, change state only in when");
    }
    handle(event);
    playhead++;
    uncommitted.add(event);
  }

  /** {@return the playhead of the last event applied, or -1 if there is none} */
  public final long playhead() {
    return playhead;
  }

  /**
   * Sets the playhead of a fresh aggregate whose state was restored from a snapshot, so that the
   * events replayed or applied after it continue from there; snapshotting repositories call this.
   *
   * @param snapshotPlayhead the playhead of the last event the snapshot took into account
   * @throws IllegalArgumentException if the playhead is negative
   * @throws IllegalStateException if the aggregate has history or uncommitted events already
   */
  public final void restorePlayhead(long snapshotPlayhead) {
    if (snapshotPlayhead < 0) {
      throw new IllegalArgumentException(
          "A snapshot's playhead is 0 or more, was "
              + snapshotPlayhead
              + " for "
              + getClass().getSimpleName());
    }
    if (playhead != -1 || !uncommitted.isEmpty() || handling != null) {
      throw new IllegalStateException(
          "Cannot restore "
              + getClass().getSimpleName()
              + " '"
              + aggregateId()
              + "' to playhead "
              + snapshotPlayhead
              + ": only a fresh aggregate, with no history and no uncommitted events, is restored"
              + " from a snapshot; it is at playhead "
              + playhead);
    }
    playhead = snapshotPlayhead;
  }

  /** {@return the events applied since the aggregate was loaded or last saved, in order} */
  public final List<E> uncommittedEvents() {
    return List.copyOf(uncommitted);
  }

  /**
   * Rebuilds the state from stored events; aggregate factories call this on a new instance.
   *
   * @param history the aggregate's events, their playheads following this aggregate's own; the
   *     pieces of a stored event that an upcaster split follow each other with one playhead
   * @throws AggregateReplayException naming the aggregate, playhead and type of an event that does
   *     not fit or that {@link #when} failed on
   */
  public final void initializeState(DomainEventStream history) {
    boolean replayed = false;
    for (DomainMessage message : history) {
      // A stored event that an upcaster split arrives as consecutive messages with one playhead.
      boolean nextPiece = replayed && message.playhead() == playhead;
      if (message.playhead() != playhead + 1 && !nextPiece) {
        throw AggregateReplayException.unexpectedPlayhead(getClass(), message, playhead + 1);
      }
      if (!eventType.isInstance(message.payload())) {
        throw AggregateReplayException.unexpectedType(getClass(), message, eventType);
      }
      try {
        handle(eventType.cast(message.payload()));
      } catch (RuntimeException e) {
        throw AggregateReplayException.dueTo(getClass(), message, e);
      }
      playhead = message.playhead();
      replayed = true;
    }
  }

  final void markCommitted() {
    uncommitted.clear();
  }

  private void handle(E event) {
    handling = event;
    try {
      when(event);
      EventHandling.handleRecursively(event, this, childEntities());
    } finally {
      handling = null;
    }
  }

  final void applyFromEntity(E event) {
    apply(event);
  }
}
