/** Boulevard's in-memory event store, snapshot store and their test helpers. */
module dev.boulevard.eventstore.inmemory {
  requires transitive dev.boulevard.core;

  exports dev.boulevard.eventstore.inmemory;
}
