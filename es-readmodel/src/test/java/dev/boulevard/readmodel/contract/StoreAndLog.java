package dev.boulevard.readmodel.contract;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import java.util.Objects;

/**
 * The event store a contract test appends to and the global log its runtime reads: two views of one
 * store, such as an in-memory or a JDBC event store.
 *
 * @param store where the test appends
 * @param log where the runtime reads what was appended
 */
public record StoreAndLog(EventStore store, GlobalEventLog log) {

  /** Rejects nulls. */
  public StoreAndLog {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(log, "log");
  }

  /**
   * Returns the two views of a store that is both an event store and a global log.
   *
   * @param store the store
   * @param <S> its type
   * @return its views
   */
  public static <S extends EventStore & GlobalEventLog> StoreAndLog of(S store) {
    return new StoreAndLog(store, store);
  }
}
