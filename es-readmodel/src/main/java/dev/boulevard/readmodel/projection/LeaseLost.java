package dev.boulevard.readmodel.projection;

/**
 * Thrown inside a worker's transaction when the runner no longer holds the projection's lease: the
 * transaction is rolled back, so that a runner that lost its lease writes nothing more.
 */
final class LeaseLost extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LeaseLost() {
    super(null, null, false, false);
  }
}
