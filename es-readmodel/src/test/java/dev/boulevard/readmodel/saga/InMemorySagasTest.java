package dev.boulevard.readmodel.saga;

/** The saga runtime over the in-memory store and in-memory storage. */
class InMemorySagasTest extends SagasCases {

  @Override
  SagaEnvironment createEnvironment() {
    return SagaEnvironment.inMemory();
  }
}
