package dev.boulevard.eventstore.inmemory;

import dev.boulevard.eventstore.contract.EventStoreManagementContract;

class InMemoryEventStoreManagementTest extends EventStoreManagementContract<InMemoryEventStore> {

  @Override
  protected InMemoryEventStore createStore() {
    return new InMemoryEventStore();
  }
}
