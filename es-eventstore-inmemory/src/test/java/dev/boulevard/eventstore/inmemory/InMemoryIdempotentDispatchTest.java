package dev.boulevard.eventstore.inmemory;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.idempotency.IdempotencyStore;
import dev.boulevard.idempotency.InMemoryIdempotencyStore;
import dev.boulevard.idempotency.contract.IdempotentDispatchContract;
import dev.boulevard.unitofwork.UnitOfWork;

/** The idempotent-dispatch contract on the in-memory event store and idempotency store. */
class InMemoryIdempotentDispatchTest extends IdempotentDispatchContract {

  @Override
  protected EventStore createEventStore() {
    return new InMemoryEventStore();
  }

  @Override
  protected IdempotencyStore createKeys() {
    return new InMemoryIdempotencyStore();
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return UnitOfWork.none();
  }
}
