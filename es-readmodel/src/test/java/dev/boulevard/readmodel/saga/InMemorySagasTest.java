package dev.boulevard.readmodel.saga;

import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.SagasContract;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;

/** The saga runtime over the in-memory store and in-memory storage. */
class InMemorySagasTest extends SagasContract {

  @Override
  protected ReadModelStorage createStorage() {
    return InMemoryReadModelStorage.create();
  }
}
