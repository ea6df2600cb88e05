package dev.boulevard.eventsourcing;

import dev.boulevard.domain.AggregateIds;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventhandling.EventBus;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStreamNotFoundException;
import dev.boulevard.internal.AppendLedger;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.repository.AsOf;
import dev.boulevard.repository.TimeTravelRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads aggregates by replaying their events from an event store, and saves them by appending the
 * events they recorded, then publishing those on an event bus.
 *
 * <p>Saving stamps each new event with an id and the clock's instant, runs the stream decorators in
 * order, appends the stream in one all-or-nothing call, and only then marks the events committed
 * and publishes them. If the append fails, the aggregate keeps its uncommitted events and nothing
 * is published; if publishing fails, the events are stored all the same and {@link
 * EventPublicationException} says so. Loading as of a playhead or an instant reads the whole
 * history and replays it up to that point. Thread-safe when its store, bus, decorators and clock
 * are.
 *
 * @param <A> the aggregate's type
 */
public final class EventSourcingRepository<A extends EventSourcedAggregateRoot<?>>
    implements TimeTravelRepository<A> {

  private final Class<A> aggregateType;
  private final EventStore eventStore;
  private final EventBus eventBus; // null when saved events are not published
  private final AggregateFactory<A> factory;
  private final List<EventStreamDecorator> decorators;
  private final Clock clock;

  private EventSourcingRepository(Builder<A> builder) {
    this.aggregateType = builder.aggregateType;
    this.eventStore = builder.eventStore;
    this.eventBus = builder.eventBus;
    this.factory = builder.factory;
    this.decorators = List.copyOf(builder.decorators);
    this.clock = builder.clock;
  }

  /**
   * Starts building a repository.
   *
   * @param aggregateType the aggregate's class, named in errors
   * @param eventStore where the events are stored
   * @param factory how an aggregate is created from its history
   * @param <A> the aggregate's type
   * @return a builder that publishes to no bus and uses the UTC system clock until told otherwise
   */
  public static <A extends EventSourcedAggregateRoot<?>> Builder<A> builder(
      Class<A> aggregateType, EventStore eventStore, AggregateFactory<A> factory) {
    return new Builder<>(aggregateType, eventStore, factory);
  }

  @Override
  public A load(String aggregateId) {
    AggregateIds.requireValid(aggregateId);
    DomainEventStream history;
    try {
      history = eventStore.load(aggregateId);
    } catch (EventStreamNotFoundException e) {
      throw AggregateNotFoundException.forAggregate(aggregateType, aggregateId, e);
    }
    return factory.create(aggregateId, history);
  }

  @Override
  public Optional<A> find(String aggregateId) {
    AggregateIds.requireValid(aggregateId);
    DomainEventStream history = eventStore.loadFromPlayhead(aggregateId, 0);
    return history.isEmpty() ? Optional.empty() : Optional.of(factory.create(aggregateId, history));
  }

  @Override
  public A load(String aggregateId, AsOf asOf) {
    return find(aggregateId, asOf)
        .orElseThrow(() -> AggregateNotFoundException.asOf(aggregateType, aggregateId, asOf));
  }

  @Override
  public Optional<A> find(String aggregateId, AsOf asOf) {
    AggregateIds.requireValid(aggregateId);
    Objects.requireNonNull(asOf, "asOf");
    DomainEventStream history = asOf.cut(eventStore.loadFromPlayhead(aggregateId, 0));
    return history.isEmpty() ? Optional.empty() : Optional.of(factory.create(aggregateId, history));
  }

  /** {@return the class of the aggregates this repository loads and saves} */
  public Class<A> aggregateType() {
    return aggregateType;
  }

  /** {@return the store the aggregates' events are loaded from and appended to} */
  public EventStore eventStore() {
    return eventStore;
  }

  /** {@return the factory that creates an aggregate from its history} */
  public AggregateFactory<A> factory() {
    return factory;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A save made while a {@link dev.boulevard.commandhandling.SimpleCommandBus} runs a command is
   * also part of that dispatch's {@link dev.boulevard.commandhandling.DispatchResult}. An aggregate
   * with no new events and no id yet is saved as {@code AppendResult.nothing("")}.
   *
   * @throws IllegalArgumentException if the aggregate is not of this repository's class
   * @throws IllegalStateException if the aggregate has new events but no id, or a decorator changed
   *     the number, aggregate ids or playheads of the events to store
   * @throws dev.boulevard.eventstore.DuplicatePlayheadException if another writer saved the same
   *     aggregate first; the aggregate keeps its uncommitted events
   * @throws EventPublicationException if the events were stored and committed but publishing them
   *     failed; they must not be saved again, nor the command that recorded them retried
   */
  @Override
  public AppendResult save(A aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    if (!aggregateType.isInstance(aggregate)) {
      throw new IllegalArgumentException(
          "This repository saves "
              + aggregateType.getName()
              + ", not "
              + aggregate.getClass().getName());
    }
    List<?> events = aggregate.uncommittedEvents();
    String aggregateId = aggregate.aggregateId();
    if (events.isEmpty()) {
      return AppendResult.nothing(aggregateId == null ? "" : aggregateId);
    }
    if (aggregateId == null) {
      throw new IllegalStateException(
          aggregate.getClass().getName()
              + " has new events but no aggregate id: set the id in when(...) for its first"
              + " event, so that aggregateId() returns it");
    }
    AggregateIds.requireValid(aggregateId);
    DomainEventStream stream =
        decorate(
            aggregateId, record(aggregateId, aggregate.playhead() - events.size() + 1, events));
    AppendResult appended = eventStore.append(aggregateId, stream);
    AppendLedger.record(appended);
    aggregate.markCommitted();
    if (eventBus != null) {
      publish(aggregateId, stream);
    }
    return appended;
  }

  private DomainEventStream decorate(String aggregateId, DomainEventStream recorded) {
    DomainEventStream stream = recorded;
    for (EventStreamDecorator decorator : decorators) {
      DomainEventStream decorated = decorator.decorateForWrite(aggregateType, aggregateId, stream);
      if (decorated == null || !samePlaces(stream, decorated)) {
        throw new IllegalStateException(
            "Stream decorator "
                + decorator.getClass().getName()
                + " changed which events of "
                + aggregateType.getSimpleName()
                + " '"
                + aggregateId
                + "' are saved: it must return as many events, of the same aggregate ids at the"
                + " same playheads");
      }
      stream = decorated;
    }
    return stream;
  }

  private static boolean samePlaces(DomainEventStream before, DomainEventStream after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      DomainMessage was = before.messages().get(i);
      DomainMessage is = after.messages().get(i);
      if (!was.aggregateId().equals(is.aggregateId()) || was.playhead() != is.playhead()) {
        return false;
      }
    }
    return true;
  }

  private void publish(String aggregateId, DomainEventStream stored) {
    try {
      eventBus.publish(stored);
    } catch (Exception e) { // Exception, not RuntimeException: a listener may sneak a checked one
      throw EventPublicationException.afterStoring(aggregateType, aggregateId, stored, e);
    }
  }

  private DomainEventStream record(String aggregateId, long firstPlayhead, List<?> events) {
    var messages = new ArrayList<DomainMessage>(events.size());
    for (int i = 0; i < events.size(); i++) {
      messages.add(
          DomainMessage.recordNow(
              aggregateId, firstPlayhead + i, Metadata.empty(), events.get(i), clock));
    }
    return DomainEventStream.of(messages);
  }

  /**
   * Builds an {@link EventSourcingRepository}.
   *
   * @param <A> the aggregate's type
   */
  public static final class Builder<A extends EventSourcedAggregateRoot<?>> {

    private final Class<A> aggregateType;
    private final EventStore eventStore;
    private final AggregateFactory<A> factory;
    private final List<EventStreamDecorator> decorators = new ArrayList<>();
    private EventBus eventBus;
    private Clock clock = Clock.systemUTC();

    private Builder(Class<A> aggregateType, EventStore eventStore, AggregateFactory<A> factory) {
      this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
      this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** {@return this builder, set to publish saved events on the bus} */
    public Builder<A> eventBus(EventBus bus) {
      this.eventBus = Objects.requireNonNull(bus, "bus");
      return this;
    }

    /** {@return this builder, with a decorator added after those added before} */
    public Builder<A> decorator(EventStreamDecorator decorator) {
      decorators.add(Objects.requireNonNull(decorator, "decorator"));
      return this;
    }

    /** {@return this builder, set to stamp new events with the clock's instants} */
    public Builder<A> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@return the repository} */
    public EventSourcingRepository<A> build() {
      return new EventSourcingRepository<>(this);
    }
  }
}
