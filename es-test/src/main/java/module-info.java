/**
 * Boulevard's scenario test kit, for test scope: aggregates, command handlers, process managers and
 * projectors as given-when-then, failing with opentest4j's {@code AssertionFailedError}.
 */
module dev.boulevard.test {
  requires transitive dev.boulevard.core;
  requires transitive dev.boulevard.readmodel;
  requires transitive org.opentest4j;

  exports dev.boulevard.testing;
  exports dev.boulevard.readmodel.testing;
}
