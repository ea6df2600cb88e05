package dev.boulevard.micrometer;

import static dev.boulevard.eventstore.contract.ContractMessages.NOW;
import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.projection.TrackingProjection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class ProjectionMetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BoulevardMetrics metrics =
      BoulevardMetrics.bind(registry, Clock.fixed(NOW.plusSeconds(7), ZoneOffset.UTC));
  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();
  private Projections projections;

  @AfterEach
  void close() throws Exception {
    if (projections != null) {
      projections.close();
    }
  }

  @Test
  void the_lag_gauges_show_a_held_up_projection_behind_and_then_caught_up() throws Exception {
    var release = new CountDownLatch(1);
    projections =
        Projections.builder(store, storage)
            .observe(metrics.projectionObserver())
            .add(
                TrackingProjection.named("slow")
                    .readModel("obs_slow", Balance.class)
                    .projector(
                        models ->
                            new Projector() {
                              {
                                on(Deposited.class, (d, m) -> await(release));
                              }
                            }))
            .build();
    metrics.bindLag(projections, store);
    projections.start();
    store.append("a", deposits("a", 0, 3));

    waitUntil(() -> gauge("boulevard.projection.lag.positions") == 3);
    assertThat(gauge("boulevard.projection.lag.seconds")).isEqualTo(7.0);

    release.countDown();
    assertThat(projections.awaitPosition(3, WAIT)).isTrue();
    waitUntil(() -> gauge("boulevard.projection.lag.positions") == 0);
    assertThat(gauge("boulevard.projection.lag.seconds")).isZero();
    waitUntil(() -> counted("boulevard.projection.events") == 3);
    assertThat(
            registry
                .get("boulevard.projection.batch")
                .tags("projection", "slow", "outcome", "ok")
                .timer()
                .count())
        .isPositive();
  }

  @Test
  void a_projector_that_keeps_failing_counts_its_retries_and_its_park() throws Exception {
    projections =
        Projections.builder(store, storage)
            .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)))
            .observe(metrics.projectionObserver())
            .add(
                TrackingProjection.named("failing")
                    .readModel("obs_failing", Balance.class)
                    .projector(
                        models ->
                            new BalanceProjector(
                                models.repository("obs_failing", Balance.class), m -> true)))
            .build();
    projections.start();
    store.append("a", deposits("a", 0, 1));

    waitUntil(() -> counted("boulevard.projection.parks") == 1);
    assertThat(counted("boulevard.projection.retries")).isEqualTo(2);
    waitUntil(
        () ->
            registry
                    .find("boulevard.projection.batch")
                    .tags("projection", "failing", "outcome", "parked")
                    .timer()
                != null);
  }

  private double gauge(String name) {
    return registry.get(name).tag("projection", "slow").gauge().value();
  }

  private double counted(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited for the metrics").isLessThan(until);
      Thread.sleep(20);
    }
  }
}
