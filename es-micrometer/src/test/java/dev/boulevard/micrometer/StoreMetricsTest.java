package dev.boulevard.micrometer;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStreamNotFoundException;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class StoreMetricsTest {

  private static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("obs.deposited", ContractEvent.Deposited.class)
              .build());

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BoulevardMetrics metrics = BoulevardMetrics.bind(registry);

  @Test
  void appends_and_loads_are_timed_and_their_events_counted() {
    EventStore store = metrics.observe(new InMemoryEventStore(), "memory");

    store.append("a", deposits("a", 0, 3));
    store.append("a", deposits("a", 3, 2));
    store.load("a");

    assertThat(registry.get("boulevard.append").tags("store", "memory", "outcome", "ok").timer())
        .satisfies(timer -> assertThat(timer.count()).isEqualTo(2));
    assertThat(registry.get("boulevard.append.events").tag("store", "memory").counter().count())
        .isEqualTo(5);
    assertThat(registry.get("boulevard.load").tags("outcome", "ok").timer().count()).isEqualTo(1);
    assertThat(registry.get("boulevard.load.events").counter().count()).isEqualTo(5);
  }

  @Test
  void a_watermark_hold_is_timed_per_log() {
    metrics.watermarkObserver().released("events", java.time.Duration.ofMillis(1500));

    assertThat(
            registry
                .get("boulevard.watermark.held")
                .tag("log", "events")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(1500);
  }

  @Test
  void loading_an_aggregate_with_no_events_is_no_error() {
    EventStore store = metrics.observe(new InMemoryEventStore(), "memory");

    assertThatThrownBy(() -> store.load("nobody")).isInstanceOf(EventStreamNotFoundException.class);

    assertThat(registry.get("boulevard.load").tags("outcome", "ok").timer().count()).isEqualTo(1);
  }

  @Test
  void appends_that_race_for_a_playhead_on_postgresql_count_one_success_and_the_rest_as_conflicts()
      throws Exception {
    String table = "obs_metrics_race_" + System.nanoTime();
    JdbcSchema.eventStore(TestDatabase.POSTGRESQL.dataSource(), table)
        .withoutImmutability()
        .migrate();
    try {
      race(table);
    } finally {
      try (Connection connection = TestDatabase.POSTGRESQL.newConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE " + table + " CASCADE");
      }
    }
  }

  private void race(String table) throws Exception {
    EventStore store =
        metrics.observe(
            JdbcEventStore.builder(TestDatabase.POSTGRESQL.dataSource(), SERIALIZER)
                .table(table)
                .build(),
            table);
    int writers = 4;
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    store.append("race", deposits("race", 0, 1));
                    return true;
                  } catch (DuplicatePlayheadException e) {
                    return false;
                  }
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }

    assertThat(registry.get("boulevard.append").tags("outcome", "ok").timer().count()).isEqualTo(1);
    assertThat(registry.get("boulevard.append").tags("outcome", "conflict").timer().count())
        .isEqualTo(writers - 1);
    assertThat(registry.get("boulevard.append.events").counter().count()).isEqualTo(1);
  }
}
