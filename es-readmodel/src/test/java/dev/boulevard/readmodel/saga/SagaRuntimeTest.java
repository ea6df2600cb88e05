package dev.boulevard.readmodel.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.contract.SagasContract.AccountWatch;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The saga runner's threads and its word on durability, on in-memory storage. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SagaRuntimeTest {

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();
  private Sagas sagas;

  @AfterEach
  void close() throws Exception {
    if (sagas != null) {
      sagas.close();
    }
  }

  private Sagas started(SagasBuilder builder) {
    sagas = builder.add(new AccountWatch("watch")).build();
    sagas.start();
    return sagas;
  }

  private SagasBuilder builder() {
    return Sagas.builder(store, storage, new SimpleCommandBus(), AccountWatch.COMMANDS);
  }

  @Test
  void the_dispatcher_and_the_process_managers_run_on_threads_of_the_injected_factory() {
    var made = new ArrayList<Thread>();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task);
          thread.setDaemon(true);
          synchronized (made) {
            made.add(thread);
          }
          return thread;
        };

    started(builder().threadFactory(factory));

    synchronized (made) {
      // the process manager's worker, the runner's lease keeper and the dispatcher
      assertThat(made).hasSize(3).allMatch(Thread::isAlive);
    }
    assertThat(sagas.status()).extracting(s -> s.durable()).containsExactly(false);
  }

  @Test
  void without_a_factory_the_threads_are_named_daemons() {
    started(builder());

    List<Thread> ours =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("boulevard-sagas-dispatcher"))
            .toList();
    assertThat(ours).isNotEmpty().allMatch(Thread::isDaemon);
  }
}
