package dev.boulevard.readmodel.saga;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** An event store and a storage for one test, on fresh tables that are dropped after it. */
abstract class SagaEnvironment implements AutoCloseable {

  static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .register("contract.deposited", ContractEvent.Deposited.class)
              .register("contract.withdrawn", ContractEvent.Withdrawn.class)
              .build());

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** The process manager's name, which names its state's read model too. */
  final String process = uniqueName("sg");

  abstract EventStore store();

  abstract GlobalEventLog log();

  abstract ReadModelStorage storage();

  /** {@return a runner builder on this environment's tables} */
  SagasBuilder sagas(CommandBus bus) {
    return sagas(bus, AccountWatch.COMMANDS);
  }

  /** {@return a runner builder on this environment's tables, with the given command types} */
  abstract SagasBuilder sagas(CommandBus bus, EventTypeRegistry commandTypes);

  static String uniqueName(String prefix) {
    return prefix
        + Long.toString(ProcessHandle.current().pid(), 36)
        + "_"
        + NAMES.incrementAndGet();
  }

  @Override
  public abstract void close() throws SQLException;

  static SagaEnvironment inMemory() {
    var store = new InMemoryEventStore();
    var storage = InMemoryReadModelStorage.create();
    return new SagaEnvironment() {
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
      SagasBuilder sagas(CommandBus bus, EventTypeRegistry commandTypes) {
        return Sagas.builder(store, storage, bus, commandTypes);
      }

      @Override
      public void close() {}
    };
  }
}
