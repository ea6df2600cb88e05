package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sink projections: delivered before the checkpoint moves, waited out, parked at a refusal. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class SinkProjectionTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();
  private Projections projections;

  /** A sink that records what it was handed and fails as told. */
  private static final class RecordingSink implements EventSink {
    final List<String> delivered = new ArrayList<>(); // aggregate:playhead
    final AtomicInteger calls = new AtomicInteger();
    volatile int failuresLeft;
    volatile Predicate<LoggedMessage> refuses = m -> false;

    @Override
    public synchronized void deliver(List<LoggedMessage> events) {
      calls.incrementAndGet();
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("broker out of reach");
      }
      for (int i = 0; i < events.size(); i++) {
        if (refuses.test(events.get(i))) {
          throw new RefusedEventException(i, "too large for the broker", null);
        }
        delivered.add(
            events.get(i).message().aggregateId() + ":" + events.get(i).message().playhead());
      }
    }

    synchronized List<String> delivered() {
      return List.copyOf(delivered);
    }
  }

  @AfterEach
  void close() {
    if (projections != null) {
      projections.close();
    }
  }

  private Projections started(TrackingProjection projection) {
    projections =
        Projections.builder(store, storage)
            .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)))
            .batchSize(4)
            .add(projection)
            .build();
    projections.start();
    return projections;
  }

  @Test
  void a_sink_gets_every_event_in_order_and_the_checkpoint_follows_it() throws Exception {
    store.append("a", deposits("a", 0, 5));
    store.append("b", deposits("b", 0, 5));
    var sink = new RecordingSink();

    started(TrackingProjection.named("out").sink(sink));

    assertThat(projections.awaitPosition(10, WAIT)).isTrue();
    assertThat(sink.delivered())
        .containsExactly("a:0", "a:1", "a:2", "a:3", "a:4", "b:0", "b:1", "b:2", "b:3", "b:4");
    assertThat(projections.status("out").checkpoint().position()).isEqualTo(10);
  }

  @Test
  void a_failing_delivery_is_waited_out_and_the_batch_delivered_again() throws Exception {
    store.append("a", deposits("a", 0, 3));
    var sink = new RecordingSink();
    sink.failuresLeft = 3;

    started(TrackingProjection.named("out").sink(sink));

    assertThat(projections.awaitPosition(3, WAIT)).isTrue();
    assertThat(sink.delivered()).containsExactly("a:0", "a:1", "a:2");
    assertThat(sink.calls.get()).isEqualTo(4);
    assertThat(projections.status("out").lastError())
        .hasValueSatisfying(error -> assertThat(error).contains("broker out of reach"));
  }

  @Test
  void a_refused_event_parks_the_sink_after_the_events_before_it_and_can_be_skipped()
      throws Exception {
    store.append("a", deposits("a", 0, 6));
    var sink = new RecordingSink();
    sink.refuses = m -> m.message().playhead() == 2;

    started(TrackingProjection.named("out").sink(sink));

    // waits until the park stops it, however long the retries take on a busy machine
    assertThat(projections.awaitOutcome(6, WAIT)).isInstanceOf(AwaitOutcome.Stuck.class);
    var status = projections.status("out");
    assertThat(status.state()).isEqualTo(ProjectionState.PARKED);
    assertThat(status.parked().orElseThrow().checkpoint().position()).isEqualTo(3);
    assertThat(status.parked().orElseThrow().error()).contains("too large for the broker");
    assertThat(status.checkpoint().position()).isEqualTo(2);
    assertThat(sink.delivered()).containsExactly("a:0", "a:1");

    projections.skip("out", "an operator dropped it");

    assertThat(projections.awaitPosition(6, WAIT)).isTrue();
    assertThat(sink.delivered()).containsExactly("a:0", "a:1", "a:3", "a:4", "a:5");
  }

  @Test
  void a_resumed_sink_delivers_the_refused_event_once_it_is_accepted() throws Exception {
    store.append("a", deposits("a", 0, 3));
    var sink = new RecordingSink();
    sink.refuses = m -> m.message().playhead() == 1;
    started(TrackingProjection.named("out").sink(sink));
    // waits until the park stops it, however long the retries take on a busy machine
    assertThat(projections.awaitOutcome(3, WAIT)).isInstanceOf(AwaitOutcome.Stuck.class);
    assertThat(projections.status("out").state()).isEqualTo(ProjectionState.PARKED);

    sink.refuses = m -> false;
    projections.resume("out", "the broker takes larger messages now");

    assertThat(projections.awaitPosition(3, WAIT)).isTrue();
    assertThat(sink.delivered()).containsExactly("a:0", "a:1", "a:2");
  }

  @Test
  void a_split_sink_hands_each_segment_its_own_aggregates_in_order() throws Exception {
    for (String id : List.of("a", "b", "c", "d", "e", "f")) {
      store.append(id, deposits(id, 0, 3));
    }
    var sinks = new RecordingSink();
    started(TrackingProjection.named("out").segments(3).sink(sinks));

    assertThat(projections.awaitPosition(18, WAIT)).isTrue();
    List<String> delivered = sinks.delivered();
    assertThat(delivered).hasSize(18).doesNotHaveDuplicates();
    for (String id : List.of("a", "b", "c", "d", "e", "f")) {
      assertThat(delivered.stream().filter(d -> d.startsWith(id + ":")))
          .containsExactly(id + ":0", id + ":1", id + ":2");
    }
  }

  @Test
  void a_sink_owns_no_read_models_and_has_nothing_to_rebuild() {
    assertThatThrownBy(
            () ->
                TrackingProjection.named("out")
                    .readModel("balances", Balance.class)
                    .sink(events -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owns no read model");

    started(TrackingProjection.named("out").sink(events -> {}));

    assertThatThrownBy(() -> projections.rebuild("out"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no read models to rebuild");
  }
}
