package dev.boulevard.eventstore.inmemory;

import dev.boulevard.eventstore.contract.GlobalEventLogContract;

class InMemoryGlobalEventLogTest extends GlobalEventLogContract<InMemoryEventStore> {

  @Override
  protected InMemoryEventStore createStore() {
    return new InMemoryEventStore();
  }
}
