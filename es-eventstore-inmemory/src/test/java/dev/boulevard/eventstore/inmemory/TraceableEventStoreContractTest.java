package dev.boulevard.eventstore.inmemory;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.TraceableEventStore;
import dev.boulevard.eventstore.contract.EventStoreContract;

/** The event store contract on a tracing store that decorates an in-memory one. */
class TraceableEventStoreContractTest extends EventStoreContract {

  @Override
  protected EventStore createStore() {
    var store = new TraceableEventStore(new InMemoryEventStore());
    store.trace();
    return store;
  }
}
