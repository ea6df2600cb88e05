package dev.boulevard.eventstore.inmemory;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStoreManagement;
import dev.boulevard.eventstore.EventVisitor;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.spi.AppendChecks;
import dev.boulevard.eventstore.spi.ReadChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An event store that keeps every event in memory for as long as it lives, for tests and small
 * applications.
 *
 * <p>Thread-safe. Appends are serialized, so the global log's commit order is its position order
 * and a checkpoint is {@link Checkpoint#atPosition(long) a position}, counted from 1; loads and
 * reads run concurrently with each other. Appending k events costs O(k) amortized; loading copies
 * the loaded events once; reading the log finds its start in O(1); visiting scans the whole log.
 *
 * <p>It keeps the event objects themselves and serializes nothing, so there is no stored form to
 * upcast: upcasters belong to the JDBC store's serializer.
 */
public final class InMemoryEventStore implements EventStore, EventStoreManagement, GlobalEventLog {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, AggregateEvents> aggregates = new HashMap<>();
  private final ArrayList<DomainMessage> log = new ArrayList<>(); // index = position - 1
  private final ReentrantLock signalLock = new ReentrantLock();
  private final Condition appended = signalLock.newCondition();
  private volatile long headPosition;

  /** Creates an empty store. */
  public InMemoryEventStore() {}

  /** Loads a copy of the events of an aggregate from a playhead on, in playhead order. */
  @Override
  public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
    ReadChecks.requireReadable(aggregateId, playhead);
    lock.readLock().lock();
    try {
      var events = aggregates.get(aggregateId);
      return events == null
          ? DomainEventStream.empty()
          : DomainEventStream.of(events.from(playhead));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Appends events to an aggregate's stream and to the global log, all or nothing; the log's
   * positions count its events from 1.
   */
  @Override
  public AppendResult append(String aggregateId, DomainEventStream stream) {
    AppendChecks.requireAppendable(aggregateId, stream);
    if (stream.isEmpty()) {
      return AppendResult.nothing(aggregateId);
    }
    long position;
    lock.writeLock().lock();
    try {
      var events = aggregates.get(aggregateId);
      boolean isNew = events == null;
      if (isNew) {
        events = new AggregateEvents(aggregateId);
      }
      // Check and reserve room everywhere first, so that nothing below can fail half-way.
      events.reserve(stream);
      log.ensureCapacity(log.size() + stream.size());
      if (isNew) {
        aggregates.put(aggregateId, events);
      }
      events.append(stream);
      log.addAll(stream.messages());
      headPosition = log.size();
      position = headPosition;
    } finally {
      lock.writeLock().unlock();
    }
    signalAppended();
    long lastPlayhead = stream.messages().get(stream.size() - 1).playhead();
    return new AppendResult(aggregateId, lastPlayhead, Checkpoint.atPosition(position));
  }

  /**
   * Visits the matching events that were stored when the visit began, calling the visitor outside
   * any lock.
   */
  @Override
  public void visitEvents(Criteria criteria, EventVisitor visitor) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(visitor, "visitor");
    try (var events = stream(Checkpoint.beginning())) {
      events.map(LoggedMessage::message).filter(criteria::matches).forEach(visitor::doWithEvent);
    }
  }

  /** Reads a batch of the events that follow a checkpoint of this store, in position order. */
  @Override
  public List<LoggedMessage> read(Checkpoint after, int limit) {
    long position = positionOf(after);
    if (limit < 1) {
      throw new IllegalArgumentException("A read's limit is 1 or more, was " + limit);
    }
    return slice(position, position + limit);
  }

  /**
   * Streams the events that follow a checkpoint of this store and were stored when it was called.
   */
  @Override
  public Stream<LoggedMessage> stream(Checkpoint after) {
    long position = positionOf(after);
    long end = headPosition;
    var cursor = new LogCursor(this, position, end);
    long size = Math.max(0, end - position);
    return StreamSupport.stream(
        Spliterators.spliterator(cursor, size, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** {@return the checkpoint of the last stored event, or the beginning if there is none} */
  @Override
  public Checkpoint head() {
    long position = headPosition;
    return position == 0 ? Checkpoint.beginning() : Checkpoint.atPosition(position);
  }

  /** Finds the checkpoint of a stored position: the position itself. */
  @Override
  public Optional<Checkpoint> checkpointAt(long position) {
    ReadChecks.requirePositivePosition(position);
    return position <= head().position()
        ? Optional.of(Checkpoint.atPosition(position))
        : Optional.empty();
  }

  /** Waits until an event follows the checkpoint, woken by the append that stores it. */
  @Override
  public boolean awaitEventsAfter(Checkpoint after, Duration timeout) throws InterruptedException {
    long position = positionOf(after);
    long nanos = nanosOf(Objects.requireNonNull(timeout, "timeout"));
    if (headPosition > position) {
      return true;
    }
    signalLock.lockInterruptibly();
    try {
      while (headPosition <= position) {
        if (nanos <= 0) {
          return false;
        }
        nanos = appended.awaitNanos(nanos);
      }
      return true;
    } finally {
      signalLock.unlock();
    }
  }

  private void signalAppended() {
    // Waiters check headPosition while holding signalLock, so this signal cannot slip in between
    // a waiter's check and its wait.
    signalLock.lock();
    try {
      appended.signalAll();
    } finally {
      signalLock.unlock();
    }
  }

  /** {@return the logged events at positions after the first and up to the second, inclusive} */
  private List<LoggedMessage> slice(long after, long upTo) {
    lock.readLock().lock();
    try {
      int from = (int) Math.min(after, log.size());
      int to = (int) Math.min(upTo, log.size());
      var batch = new ArrayList<LoggedMessage>(Math.max(0, to - from));
      for (int index = from; index < to; index++) {
        batch.add(new LoggedMessage(Checkpoint.atPosition(index + 1L), log.get(index)));
      }
      return Collections.unmodifiableList(batch);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static long positionOf(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (checkpoint.commitOrder() != checkpoint.position()) {
      throw new IllegalArgumentException(
          checkpoint
              + " is not a checkpoint of an in-memory store, whose commit order is its position");
    }
    return checkpoint.position();
  }

  private static long nanosOf(Duration timeout) {
    if (timeout.isNegative()) {
      return 0;
    }
    return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : timeout.toNanos();
  }
}
