package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.FleetContract;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;

/** Runners of the same projections sharing in-memory read models. */
class InMemoryFleetTest extends FleetContract {

  @Override
  protected ReadModelStorage createStorage() {
    return InMemoryReadModelStorage.create();
  }
}
