package dev.boulevard.readmodel.projection;

/** Tracking projections over the in-memory store and in-memory read models. */
class InMemoryProjectionsTest extends ProjectionsTestCase {

  @Override
  ProjectionEnvironment createEnvironment() {
    return ProjectionEnvironment.inMemory();
  }
}
