package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchEnd;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchObservation;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchResult;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.tracing.TraceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class ProjectionObserverTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();
  private final Spy spy = new Spy();
  private Projections projections;

  @AfterEach
  void close() throws Exception {
    if (projections != null) {
      projections.close();
    }
  }

  @Test
  void an_observer_hears_each_batch_with_its_events_and_how_it_ended() throws Exception {
    store.append("a", deposits("a", 0, 3));
    start(balances("none"), new RetryPolicy(1, Duration.ZERO, Duration.ZERO));

    assertThat(projections.awaitPosition(3, WAIT)).isTrue();
    // the end is told after the checkpoint moved, which the wait may see first
    waitUntil(() -> spy.ended.stream().mapToLong(BatchEnd::eventsTakenIn).sum() == 3);

    assertThat(spy.started).isNotEmpty();
    assertThat(spy.started.get(0).projection()).isEqualTo("balances");
    assertThat(spy.started.get(0).segments()).isEqualTo(1);
    assertThat(spy.started.stream().mapToInt(b -> b.events().size()).sum()).isEqualTo(3);
    assertThat(spy.ended).allMatch(end -> end.outcome() == BatchResult.OK);
    assertThat(spy.ended.stream().mapToLong(BatchEnd::eventsTakenIn).sum()).isEqualTo(3);
  }

  @Test
  void a_projector_that_keeps_failing_is_retried_then_parked_and_the_observer_hears_both()
      throws Exception {
    store.append("a", deposits("a", 0, 1));
    start(balances("a"), new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)));

    waitUntil(() -> !spy.parks.isEmpty());

    assertThat(spy.retries).containsExactly(2, 3);
    assertThat(spy.parks).hasSize(1);
    assertThat(spy.parks.get(0).error()).contains("Refusing a@0");
    waitUntil(() -> spy.ended.stream().anyMatch(end -> end.outcome() == BatchResult.PARKED));
  }

  @Test
  void a_projector_handles_each_event_with_the_trace_context_it_carries() throws Exception {
    List<Optional<TraceContext>> seen = new CopyOnWriteArrayList<>();
    store.append(
        "a",
        DomainEventStream.of(
            message("a", 0, Metadata.of(TraceContext.TRACEPARENT, PARENT), new Deposited("a", 1)),
            message("a", 1, Metadata.empty(), new Deposited("a", 2))));
    start(
        TrackingProjection.named("traced")
            .readModel("obs_traced", Balance.class)
            .projector(
                models ->
                    new Projector() {
                      {
                        on(Deposited.class, (d, m) -> seen.add(TraceContext.current()));
                      }
                    }),
        RetryPolicy.defaults());

    assertThat(projections.awaitPosition(2, WAIT)).isTrue();

    assertThat(seen).containsExactly(Optional.of(TraceContext.parse(PARENT)), Optional.empty());
  }

  @Test
  void an_observer_that_throws_does_not_stop_the_projection() throws Exception {
    store.append("a", deposits("a", 0, 2));
    projections =
        Projections.builder(store, storage)
            .observe(
                new ProjectionObserver() {
                  @Override
                  public BatchObservation batchStarted(ProjectionBatch batch) {
                    throw new IllegalStateException("observer down");
                  }
                })
            .add(balances("none"))
            .build();
    projections.start();

    assertThat(projections.awaitPosition(2, WAIT)).isTrue();
  }

  private TrackingProjection balances(String failing) {
    return TrackingProjection.named("balances")
        .readModel("obs_balances", Balance.class)
        .projector(
            models ->
                new BalanceProjector(
                    models.repository("obs_balances", Balance.class),
                    message -> message.aggregateId().equals(failing)));
  }

  private void start(TrackingProjection projection, RetryPolicy retry) {
    projections =
        Projections.builder(store, storage).retry(retry).observe(spy).add(projection).build();
    projections.start();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited for the observer").isLessThan(until);
      Thread.sleep(10);
    }
  }

  /** Records what it hears, from the workers' threads. */
  private static final class Spy implements ProjectionObserver {
    final List<ProjectionBatch> started = new CopyOnWriteArrayList<>();
    final List<BatchEnd> ended = new CopyOnWriteArrayList<>();
    final List<Integer> retries = new CopyOnWriteArrayList<>();
    final List<ParkedEvent> parks = new CopyOnWriteArrayList<>();

    @Override
    public BatchObservation batchStarted(ProjectionBatch batch) {
      started.add(batch);
      return ended::add;
    }

    @Override
    public void retrying(String projection, int attempt, String error) {
      retries.add(attempt);
    }

    @Override
    public void parked(String projection, ParkedEvent parked) {
      parks.add(parked);
    }
  }
}
