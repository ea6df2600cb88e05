package dev.boulevard.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.SagasContract.AccountWatch;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Process managers on H2: their JDBC outbox's depth, their batches and their lag. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class SagaMetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BoulevardMetrics metrics = BoulevardMetrics.bind(registry);
  private final String names = "obs_sg_" + System.nanoTime();
  private Sagas sagas;

  @AfterEach
  void close() {
    if (sagas != null) {
      sagas.close();
    }
  }

  @Test
  void the_outbox_depth_counts_a_scheduled_command_and_the_batches_are_timed() throws Exception {
    var h2 = TestDatabase.H2.dataSource();
    JdbcSchema.eventStore(h2, names + "_ev").migrate();
    JdbcEventStore store =
        JdbcEventStore.builder(
                h2,
                new JacksonSerializer(
                    EventTypeRegistry.builder()
                        .register("obs.opened", ContractEvent.Opened.class)
                        .build()))
            .table(names + "_ev")
            .build();
    var bus = new SimpleCommandBus();
    bus.subscribe(command -> {}); // takes every command
    sagas =
        Sagas.builder(store, JdbcReadModelStorage.create(h2), bus, AccountWatch.COMMANDS)
            .tables(names + "_st", names + "_ob")
            .add(new AccountWatch(names))
            .observe(metrics.projectionObserver())
            .build();
    metrics.bindLag(sagas, store);
    sagas.start();

    store.append(
        "acc-1",
        DomainEventStream.of(
            DomainMessage.recordNow(
                "acc-1",
                0,
                Metadata.empty(),
                new ContractEvent.Opened("acc-1", "ann"),
                Clock.systemUTC())));
    assertThat(sagas.awaitPosition(1, WAIT)).isTrue();

    // the welcome is delivered at once; the review, due in a day, waits
    waitUntil(() -> registry.get("boulevard.outbox.depth").gauge().value() == 1);
    assertThat(sagas.scheduled()).hasSize(1);
    waitUntil(
        () -> registry.find("boulevard.projection.batch").tag("projection", names).timer() != null);
    waitUntil(
        () ->
            registry
                    .get("boulevard.projection.lag.positions")
                    .tag("projection", names)
                    .gauge()
                    .value()
                == 0);
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited for the metrics").isLessThan(until);
      Thread.sleep(20);
    }
  }
}
