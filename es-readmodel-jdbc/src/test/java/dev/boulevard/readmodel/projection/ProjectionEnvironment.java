package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

/**
 * An event store and a read-model storage for one test, on fresh tables that are dropped after it.
 */
abstract class ProjectionEnvironment implements AutoCloseable {

  static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .register("contract.deposited", ContractEvent.Deposited.class)
              .register("contract.withdrawn", ContractEvent.Withdrawn.class)
              .build());

  static final Duration WAIT = Duration.ofSeconds(30);
  static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** {@return the store the test appends to} */
  abstract EventStore store();

  /** {@return the store's global log} */
  abstract GlobalEventLog log();

  /** {@return the storage of the read models} */
  abstract ReadModelStorage storage();

  /** {@return a runner builder on this environment, with its own state table} */
  abstract ProjectionsBuilder projections();

  /** {@return a read model name unique to this test, dropped after it} */
  String model(String base) {
    return uniqueName(base);
  }

  /** {@return a name unique in this JVM and unlikely to clash with other runs} */
  static String uniqueName(String prefix) {
    return prefix
        + Long.toString(ProcessHandle.current().pid(), 36)
        + "_"
        + NAMES.incrementAndGet();
  }

  @Override
  public abstract void close() throws SQLException;

  static ProjectionEnvironment inMemory() {
    var store = new InMemoryEventStore();
    var storage = InMemoryReadModelStorage.create();
    return new ProjectionEnvironment() {
      @Override
      EventStore store() {
        return store;
      }

      @Override
      GlobalEventLog log() {
        return store;
      }

      @Override
      ReadModelStorage storage() {
        return storage;
      }

      @Override
      ProjectionsBuilder projections() {
        return Projections.builder(store, storage);
      }

      @Override
      public void close() {}
    };
  }

  /** {@return an account's balance after deposits of 1, 2, ... count at playheads 0 on} */
  static Balance complete(String account, int count) {
    long total = LongStream.rangeClosed(1, count).sum();
    return new Balance(account, total, LongStream.range(0, count).boxed().toList());
  }

  /** Sleeps, and says false, so that a test's failure predicate can slow a projector down. */
  static boolean pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Waits up to {@link #WAIT} for a condition, failing the test if it never holds. */
  static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + WAIT + " in vain for " + what);
      }
      Thread.sleep(10);
    }
  }
}
