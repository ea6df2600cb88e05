package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.LogFollower;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner's threads, its word on durability, and what a wait says about a park. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class ProjectionRuntimeTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();
  private final List<Thread> made = new ArrayList<>();
  private Projections projections;

  @AfterEach
  void close() throws Exception {
    if (projections != null) {
      projections.close();
    }
  }

  private Projections started(String failingAggregate) {
    String model = "rt";
    projections =
        Projections.builder(store, storage)
            .retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)))
            .threadFactory(
                task -> {
                  Thread thread = new Thread(task, "injected-" + task);
                  thread.setDaemon(true);
                  synchronized (made) {
                    made.add(thread);
                  }
                  return thread;
                })
            .add(
                TrackingProjection.named("balances")
                    .readModel(model, Balance.class)
                    .projector(
                        models ->
                            new BalanceProjector(
                                models.repository(model, Balance.class),
                                message -> message.aggregateId().equals(failingAggregate))))
            .build();
    projections.start();
    return projections;
  }

  @Test
  void the_workers_run_on_threads_of_the_injected_factory() throws Exception {
    store.append("a", deposits("a", 0, 1));
    started("none");

    assertThat(projections.awaitPosition(1, WAIT)).isTrue();
    synchronized (made) {
      assertThat(made)
          .extracting(Thread::getName)
          .containsExactlyInAnyOrder(
              "injected-boulevard-projection-balances-1",
              "injected-boulevard-leases-" + projections.runnerName());
    }
  }

  @Test
  void the_status_says_that_an_in_memory_storage_is_not_durable() {
    started("none");

    assertThat(projections.status("balances").durable()).isFalse();
  }

  @Test
  void a_wait_that_meets_a_park_says_which_projection_is_parked_where() throws Exception {
    store.append("a", deposits("a", 0, 1));
    store.append("b", deposits("b", 0, 1));
    store.append("c", deposits("c", 0, 1));
    started("b");

    AwaitOutcome outcome = projections.awaitOutcome(3, WAIT);

    ParkedEvent parked = projections.status("balances").parked().orElseThrow();
    assertThat(outcome)
        .isEqualTo(new AwaitOutcome.Stuck("balances", 2, parked.eventType(), parked.error()));
    assertThat(projections.awaitPosition(3, WAIT)).isFalse();
    assertThat(LogFollower.all(projections).awaitOutcome(3, WAIT)).isEqualTo(outcome);
    assertThat(projections.awaitOutcome(1, WAIT)).isEqualTo(new AwaitOutcome.Reached());
  }
}
