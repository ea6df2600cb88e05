package dev.boulevard.eventstore.inmemory;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.EventStoreContract;

class InMemoryEventStoreTest extends EventStoreContract {

  @Override
  protected EventStore createStore() {
    return new InMemoryEventStore();
  }
}
