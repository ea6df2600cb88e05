package dev.boulevard.observation;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStreamNotFoundException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps an event store and tells an observer how long each append and load took, how many events it
 * moved and how it ended: a {@link DuplicatePlayheadException} is a {@link Outcome#CONFLICT}. The
 * store's exceptions and results pass through unchanged. Thread-safe when the wrapped store and the
 * observer are.
 */
public final class ObservedEventStore implements EventStore {

  private static final Logger LOG = LoggerFactory.getLogger(ObservedEventStore.class);

  private final EventStore delegate;
  private final String store;
  private final StoreObserver observer;

  /**
   * Wraps a store.
   *
   * @param delegate the store that really stores the events
   * @param store the name to report it under, such as its table; not blank
   * @param observer hears of every append and load
   */
  public ObservedEventStore(EventStore delegate, String store, StoreObserver observer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.store = Objects.requireNonNull(store, "store");
    this.observer = Objects.requireNonNull(observer, "observer");
    if (store.isBlank()) {
      throw new IllegalArgumentException("An observed store needs a name to report it under");
    }
  }

  @Override
  public DomainEventStream load(String aggregateId) {
    long start = System.nanoTime();
    try {
      DomainEventStream loaded = delegate.load(aggregateId);
      report(false, loaded.size(), start, Outcome.OK);
      return loaded;
    } catch (EventStreamNotFoundException e) {
      report(false, 0, start, Outcome.OK); // an answer, not a failure
      throw e;
    } catch (RuntimeException | Error e) {
      report(false, 0, start, Outcome.ERROR);
      throw e;
    }
  }

  @Override
  public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
    long start = System.nanoTime();
    try {
      DomainEventStream loaded = delegate.loadFromPlayhead(aggregateId, playhead);
      report(false, loaded.size(), start, Outcome.OK);
      return loaded;
    } catch (RuntimeException | Error e) {
      report(false, 0, start, Outcome.ERROR);
      throw e;
    }
  }

  @Override
  public AppendResult append(String aggregateId, DomainEventStream stream) {
    long start = System.nanoTime();
    try {
      AppendResult appended = delegate.append(aggregateId, stream);
      report(true, stream.size(), start, Outcome.OK);
      return appended;
    } catch (DuplicatePlayheadException e) {
      report(true, 0, start, Outcome.CONFLICT);
      throw e;
    } catch (RuntimeException | Error e) {
      report(true, 0, start, Outcome.ERROR);
      throw e;
    }
  }

  private void report(boolean append, int events, long start, Outcome outcome) {
    var call =
        new StoreCall(
            store, events, Duration.ofNanos(Math.max(0, System.nanoTime() - start)), outcome);
    try {
      if (append) {
        observer.appended(call);
      } else {
        observer.loaded(call);
      }
    } catch (RuntimeException e) {
      LOG.warn("The store observer failed on {}; ignored", call, e);
    }
  }
}
