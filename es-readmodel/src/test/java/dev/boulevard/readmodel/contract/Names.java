package dev.boulevard.readmodel.contract;

import java.util.concurrent.atomic.AtomicInteger;

/** Names unique in this JVM and unlikely to clash with other runs on a shared database. */
final class Names {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private Names() {}

  static String unique(String prefix) {
    return prefix
        + Long.toString(ProcessHandle.current().pid(), 36)
        + "_"
        + COUNT.incrementAndGet();
  }
}
