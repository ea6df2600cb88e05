package dev.boulevard.readmodel.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The saga runner's threads and its word on durability, on in-memory storage. */
class SagaRuntimeTest extends SagasTestCase {

  @Override
  SagaEnvironment createEnvironment() {
    return SagaEnvironment.inMemory();
  }

  @Test
  void the_dispatcher_and_the_process_managers_run_on_threads_of_the_injected_factory() {
    var made = new ArrayList<Thread>();
    Sagas sagas =
        started(
            env.sagas(bus)
                .add(watch())
                .clock(clock)
                .threadFactory(
                    task -> {
                      Thread thread = new Thread(task);
                      thread.setDaemon(true);
                      synchronized (made) {
                        made.add(thread);
                      }
                      return thread;
                    }));

    synchronized (made) {
      assertThat(made).hasSize(2).allMatch(Thread::isAlive);
    }
    assertThat(sagas.status()).extracting(s -> s.durable()).containsExactly(false);
  }

  @Test
  void without_a_factory_the_threads_are_named_daemons() {
    started();

    List<Thread> ours =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("boulevard-sagas-dispatcher"))
            .toList();
    assertThat(ours).isNotEmpty().allMatch(Thread::isDaemon);
  }
}
