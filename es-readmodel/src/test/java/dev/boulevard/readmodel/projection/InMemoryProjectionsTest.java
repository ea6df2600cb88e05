package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.ProjectionsContract;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;

/** Tracking projections over the in-memory store and in-memory read models. */
class InMemoryProjectionsTest extends ProjectionsContract {

  @Override
  protected ReadModelStorage createStorage() {
    return InMemoryReadModelStorage.create();
  }
}
