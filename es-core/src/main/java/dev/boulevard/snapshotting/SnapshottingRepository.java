package dev.boulevard.snapshotting;

import dev.boulevard.domain.AggregateIds;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventsourcing.EventPublicationException;
import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.repository.AsOf;
import dev.boulevard.repository.TimeTravelRepository;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads aggregates from their latest snapshot and the events after it, and saves them through an
 * {@link EventSourcingRepository}, then takes a snapshot when the policy says so.
 *
 * <pre>{@code
 * var accounts = SnapshottingRepository.of(
 *     EventSourcingRepository.builder(Account.class, eventStore, AggregateFactory.of(Account::new)).build(),
 *     snapshotStore,
 *     SnapshotFormat.of(AccountState.class, 1, Account::fromSnapshot),
 *     SnapshotPolicy.everyEvents(100));
 * }</pre>
 *
 * <p>A snapshot is only a cache. One whose state format version is not the format's, whose state
 * cannot be read, or that the aggregate cannot be restored from, is ignored with a log line and the
 * aggregate is rebuilt from all its events; the policy may then replace it. A snapshot that fails
 * to save is logged and does not fail the save: the events are stored. When the snapshot store is a
 * {@link TailLoadingSnapshotStore} of the same event store, a load is one round trip to it.
 * Thread-safe when the repository, stores and policy it uses are.
 *
 * @param <A> the aggregate's type
 * @param <S> the type of the aggregate's snapshot state
 */
public final class SnapshottingRepository<
        A extends EventSourcedAggregateRoot<?> & Snapshottable<S>, S>
    implements TimeTravelRepository<A> {

  private static final Logger LOGGER = LoggerFactory.getLogger(SnapshottingRepository.class);

  private final EventSourcingRepository<A> events;
  private final SnapshotStore snapshots;
  private final TailLoadingSnapshotStore tailLoading; // null when loads take two calls
  private final SnapshotFormat<A, S> format;
  private final SnapshotPolicy<? super A> policy;
  private final String typeName;

  private SnapshottingRepository(
      EventSourcingRepository<A> events,
      SnapshotStore snapshots,
      SnapshotFormat<A, S> format,
      SnapshotPolicy<? super A> policy) {
    this.events = Objects.requireNonNull(events, "events");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.format = Objects.requireNonNull(format, "format");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.tailLoading =
        snapshots instanceof TailLoadingSnapshotStore store
                && store.eventStore() == events.eventStore()
            ? store
            : null;
    this.typeName = events.aggregateType().getSimpleName();
  }

  /**
   * Creates a snapshotting repository.
   *
   * @param events the repository that replays and saves the aggregates' events
   * @param snapshots where the snapshots are kept
   * @param format the class and version of the snapshot state, and how to restore from it
   * @param policy when to take a snapshot
   * @param <A> the aggregate's type
   * @param <S> the type of the aggregate's snapshot state
   * @return the repository
   */
  public static <A extends EventSourcedAggregateRoot<?> & Snapshottable<S>, S>
      SnapshottingRepository<A, S> of(
          EventSourcingRepository<A> events,
          SnapshotStore snapshots,
          SnapshotFormat<A, S> format,
          SnapshotPolicy<? super A> policy) {
    return new SnapshottingRepository<>(events, snapshots, format, policy);
  }

  @Override
  public A load(String aggregateId) {
    return find(aggregateId)
        .orElseThrow(
            () ->
                AggregateNotFoundException.forAggregate(events.aggregateType(), aggregateId, null));
  }

  @Override
  public Optional<A> find(String aggregateId) {
    AggregateIds.requireValid(aggregateId);
    if (tailLoading != null) {
      LoadedHistory history = tailLoading.loadWithTail(aggregateId);
      if (history instanceof LoadedHistory.FromSnapshot found) {
        return restore(found.snapshot(), found.tail()).or(() -> rebuild(aggregateId));
      }
      DomainEventStream all = ((LoadedHistory.FromStart) history).events();
      return all.isEmpty()
          ? Optional.empty()
          : Optional.of(snapshotRebuilt(events.factory().create(aggregateId, all)));
    }
    Optional<StoredSnapshot> latest = snapshots.latest(aggregateId);
    if (latest.isPresent()) {
      StoredSnapshot snapshot = latest.get();
      DomainEventStream tail =
          events.eventStore().loadFromPlayhead(aggregateId, snapshot.playhead() + 1);
      return restore(snapshot, tail).or(() -> rebuild(aggregateId));
    }
    return rebuild(aggregateId);
  }

  /**
   * {@inheritDoc}
   *
   * <p>As of a playhead, the latest snapshot is used if it is at or before that playhead. As of an
   * instant, the aggregate is replayed from its first event: a snapshot does not say when its
   * events were recorded.
   */
  @Override
  public Optional<A> find(String aggregateId, AsOf asOf) {
    AggregateIds.requireValid(aggregateId);
    Objects.requireNonNull(asOf, "asOf");
    if (asOf instanceof AsOf.AtPlayhead at) {
      Optional<StoredSnapshot> latest = snapshots.latest(aggregateId);
      if (latest.isPresent() && latest.get().playhead() <= at.playhead()) {
        StoredSnapshot snapshot = latest.get();
        DomainEventStream tail =
            asOf.cut(events.eventStore().loadFromPlayhead(aggregateId, snapshot.playhead() + 1));
        Optional<A> restored = restore(snapshot, tail);
        if (restored.isPresent()) {
          return restored;
        }
      }
    }
    return events.find(aggregateId, asOf);
  }

  @Override
  public A load(String aggregateId, AsOf asOf) {
    return find(aggregateId, asOf)
        .orElseThrow(
            () -> AggregateNotFoundException.asOf(events.aggregateType(), aggregateId, asOf));
  }

  /**
   * Saves the aggregate's new events through the event-sourcing repository, then takes a snapshot
   * if the policy says so; a snapshot that cannot be taken or saved is logged at WARN and ignored.
   *
   * @throws EventPublicationException as the event-sourcing repository does, after taking the
   *     snapshot that is due
   */
  @Override
  public AppendResult save(A aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    int added = aggregate.uncommittedEvents().size();
    long before = aggregate.playhead() + 1 - added;
    AppendResult appended;
    try {
      appended = events.save(aggregate);
    } catch (EventPublicationException e) {
      snapshotIfDue(aggregate, before, added); // the events are stored
      throw e;
    }
    snapshotIfDue(aggregate, before, added);
    return appended;
  }

  private Optional<A> rebuild(String aggregateId) {
    return events.find(aggregateId).map(this::snapshotRebuilt);
  }

  private A snapshotRebuilt(A aggregate) {
    snapshotIfDue(aggregate, 0, (int) Math.min(Integer.MAX_VALUE, aggregate.playhead() + 1));
    return aggregate;
  }

  private Optional<A> restore(StoredSnapshot stored, DomainEventStream tail) {
    if (stored.version() != format.version()) {
      LOGGER.info(
          "Ignoring the snapshot of {} '{}' at playhead {}: its state format is version {}, the"
              + " aggregate's is version {}; replaying all its events instead",
          typeName,
          stored.aggregateId(),
          stored.playhead(),
          stored.version(),
          format.version());
      return Optional.empty();
    }
    try {
      Snapshot<S> snapshot = stored.read(format.stateType());
      A aggregate = Objects.requireNonNull(format.restore().apply(snapshot.state()), "restored");
      if (!snapshot.aggregateId().equals(aggregate.aggregateId())) {
        throw new IllegalStateException(
            "the restored aggregate's id is '" + aggregate.aggregateId() + "'");
      }
      aggregate.restorePlayhead(snapshot.playhead());
      aggregate.initializeState(tail);
      return Optional.of(aggregate);
    } catch (RuntimeException e) {
      LOGGER.warn(
          "Ignoring the snapshot of {} '{}' at playhead {}, state format version {}: {}; replaying"
              + " all its events instead",
          typeName,
          stored.aggregateId(),
          stored.playhead(),
          stored.version(),
          e.toString(),
          e);
      return Optional.empty();
    }
  }

  private void snapshotIfDue(A aggregate, long before, int added) {
    if (added == 0) {
      return;
    }
    String aggregateId = aggregate.aggregateId();
    long playhead = aggregate.playhead();
    try {
      if (policy.shouldSnapshot(aggregate, before, added)) {
        snapshots.save(
            new Snapshot<>(aggregateId, playhead, format.version(), aggregate.snapshotState()));
      }
    } catch (RuntimeException e) {
      LOGGER.warn(
          "Could not take or save a snapshot of {} '{}' at playhead {}; its events are stored, and"
              + " it loads from an older snapshot or from its events",
          typeName,
          aggregateId,
          playhead,
          e);
    }
  }
}
