package dev.boulevard.readmodel.jdbc;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.readmodel.Projector;
import java.util.List;
import java.util.Objects;

/**
 * An event store that runs projectors inside each append's transaction, for read models that must
 * never lag behind the events: the events and the read models' writes commit together, or not at
 * all.
 *
 * <pre>{@code
 * EventStore store =
 *     InlineProjectingEventStore.of(jdbcStore, storage, new BalanceProjector(balances));
 * }</pre>
 *
 * <p>The store and the storage must reach the same database. A projector that throws fails the
 * append: nothing is stored and the exception reaches the caller, so keep inline projectors small
 * and sure. Their read models are not rebuilt by a runner: to rebuild one, drop it and replay the
 * log into the same projector. Thread-safe if the projectors are.
 */
public final class InlineProjectingEventStore implements EventStore {

  private final JdbcEventStore store;
  private final JdbcReadModelStorage storage;
  private final List<Projector> projectors;

  private InlineProjectingEventStore(
      JdbcEventStore store, JdbcReadModelStorage storage, List<Projector> projectors) {
    this.store = store;
    this.storage = storage;
    this.projectors = projectors;
  }

  /**
   * Wraps a store so that each append also runs the given projectors, in its transaction.
   *
   * @param store the event store
   * @param storage the read models' storage, on the store's database
   * @param projectors the projectors, run in this order for each event
   * @return the projecting store
   * @throws IllegalArgumentException if no projector is given
   */
  public static InlineProjectingEventStore of(
      JdbcEventStore store, JdbcReadModelStorage storage, Projector... projectors) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(storage, "storage");
    if (projectors.length == 0) {
      throw new IllegalArgumentException("An inline projecting store needs a projector or more");
    }
    return new InlineProjectingEventStore(store, storage, List.of(projectors));
  }

  /** Loads from the wrapped store. */
  @Override
  public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
    return store.loadFromPlayhead(aggregateId, playhead);
  }

  /**
   * Appends the events and runs the projectors on them in one transaction.
   *
   * @return what the wrapped store appended
   * @throws RuntimeException whatever the append or a projector threw; nothing is then stored
   */
  @Override
  public AppendResult append(String aggregateId, DomainEventStream stream) {
    Objects.requireNonNull(stream, "stream");
    return storage.inHandle(
        handle -> {
          AppendResult appended = store.append(handle, aggregateId, stream);
          for (DomainMessage message : stream) {
            projectors.forEach(projector -> projector.handle(message));
          }
          return appended;
        });
  }
}
