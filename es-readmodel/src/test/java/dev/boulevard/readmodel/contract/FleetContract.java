package dev.boulevard.readmodel.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.projection.ProjectionLease;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What several runners of the same projections do on one {@link ReadModelStorage}, as the instances
 * of an application do on one database: a storage's test extends this class and returns a new
 * storage from {@link #createStorage()}, as for {@link ProjectionsContract}.
 *
 * <p>The runners here share one JVM; the wallet's fleet tests run them as processes, killed and
 * stopped. What a frozen process does is played by {@link FreezableStorage}: the runner's lease
 * keeping waits while its projector is held in the middle of a batch.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
public abstract class FleetContract {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration LEASE = Duration.ofSeconds(1);
  static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));

  private ReadModelStorage storage;
  private StoreAndLog events;
  private final String stateTable = Names.unique("fl");
  private final List<String> readModels = new ArrayList<>();
  private final List<Projections> runners = new ArrayList<>();
  private int appended;

  /** {@return a new storage for one test; called before each test} */
  protected abstract ReadModelStorage createStorage();

  /**
   * Returns the event store that a test appends to and the global log its projections read.
   *
   * @param storage the test's storage, for a log that must live beside it
   * @return a new, empty in-memory event store unless overridden
   */
  protected StoreAndLog createEventLog(ReadModelStorage storage) {
    return StoreAndLog.of(new InMemoryEventStore());
  }

  /**
   * Drops what one test created, after its runners have stopped; does nothing unless overridden.
   *
   * @param storage the test's storage
   * @param readModels the read models' names, each kept per generation as {@code <name>_<n>}
   * @param stores the projection stores' names
   * @throws Exception if dropping fails
   */
  protected void cleanUp(ReadModelStorage storage, List<String> readModels, List<String> stores)
      throws Exception {}

  /**
   * Returns a name unique in this JVM and unlikely to clash with other runs: letters, digits and
   * underscores.
   *
   * @param prefix the name's start: letters, digits and underscores
   * @return the name
   */
  protected static String uniqueName(String prefix) {
    return Names.unique(prefix);
  }

  @BeforeEach
  void createStorageAndLog() {
    storage = createStorage();
    events = createEventLog(storage);
  }

  @AfterEach
  void stopRunnersAndCleanUp() throws Exception {
    runners.forEach(Projections::close);
    cleanUp(storage, List.copyOf(readModels), List.of(stateTable));
  }

  private GlobalEventLog log() {
    return events.log();
  }

  private String model(String base) {
    String name = Names.unique(base);
    readModels.add(name);
    return name;
  }

  private ProjectionsBuilder runner(ReadModelStorage on, String node) {
    return Projections.builder(log(), on)
        .stateTable(stateTable)
        .node(node)
        .leaseTime(LEASE)
        .batchSize(5)
        .retry(QUICK);
  }

  private static TrackingProjection balances(
      String name, String model, Predicate<DomainMessage> failOn) {
    return TrackingProjection.named(name)
        .readModel(model, Balance.class)
        .projector(models -> new BalanceProjector(models.repository(model, Balance.class), failOn));
  }

  private static TrackingProjection split(String name, String model, int segments) {
    return TrackingProjection.named(name)
        .readModel(model, Balance.class)
        .segments(segments)
        .projector(
            models -> new BalanceProjector(models.repository(model, Balance.class), m -> false));
  }

  private Projections started(ProjectionsBuilder builder) {
    Projections projections = builder.build();
    runners.add(projections);
    projections.start();
    return projections;
  }

  private void append(String account, long firstPlayhead, int count) {
    events.store().append(account, deposits(account, firstPlayhead, count));
    appended += count;
  }

  /**
   * Waits until the log holds the events appended so far and returns the last one's checkpoint: on
   * PostgreSQL an event becomes readable a moment after its commit, once no older writer is open.
   */
  private Checkpoint head() throws InterruptedException {
    var last = new Checkpoint[1];
    eventually(
        () -> {
          int count = 0;
          Checkpoint at = Checkpoint.beginning();
          for (List<LoggedMessage> batch = log().read(at, 1000);
              !batch.isEmpty();
              batch = log().read(at, 1000)) {
            count += batch.size();
            at = batch.get(batch.size() - 1).checkpoint();
          }
          last[0] = at;
          return count == appended;
        },
        appended + " events in the log");
    return last[0];
  }

  private static Balance complete(String account, int count) {
    long total = LongStream.rangeClosed(1, count).sum();
    return new Balance(account, total, LongStream.range(0, count).boxed().toList());
  }

  private static long held(Projections runner) {
    return runner.status().stream()
        .filter(status -> status.lease().map(ProjectionLease::heldHere).orElse(false))
        .count();
  }

  private static void eventually(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + WAIT + " in vain for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void runners_of_the_same_projections_deal_them_out_and_each_answers_for_all() throws Exception {
    List<String> models = List.of(model("m"), model("m"), model("m"), model("m"));
    Projections a = started(withAll(runner(storage, "node-a"), models));
    Projections b = started(withAll(runner(storage, "node-b"), models));

    eventually(() -> held(a) == 2 && held(b) == 2, "two projections held by each runner");
    for (int account = 0; account < 5; account++) {
      append("acc-" + account, 0, 10);
    }
    Checkpoint head = head();

    assertThat(a.awaitCheckpoint(head, WAIT)).isTrue();
    assertThat(b.awaitCheckpoint(head, WAIT)).isTrue();
    for (String model : models) {
      List<Balance> seenByA = sorted(a, model);
      assertThat(seenByA)
          .hasSize(5)
          .allSatisfy(balance -> assertThat(balance).isEqualTo(complete(balance.id(), 10)));
      assertThat(sorted(b, model)).isEqualTo(seenByA);
    }
    for (ProjectionStatus status : a.status()) {
      ProjectionLease lease = status.lease().orElseThrow();
      if (lease.heldHere()) {
        assertThat(lease.owner()).contains(a.runnerName());
        assertThat(status.state()).isNotEqualTo(ProjectionState.ELSEWHERE);
      } else {
        assertThat(lease.owner()).contains(b.runnerName());
        assertThat(status.state()).isEqualTo(ProjectionState.ELSEWHERE);
        assertThat(status.checkpoint()).isEqualTo(head);
        assertThat(status.behind()).isZero();
      }
    }
  }

  private static ProjectionsBuilder withAll(ProjectionsBuilder builder, List<String> models) {
    for (int i = 0; i < models.size(); i++) {
      builder.add(balances("p" + i, models.get(i), message -> false));
    }
    return builder;
  }

  private static List<Balance> sorted(Projections runner, String model) {
    return runner.readModel(model, Balance.class).findAll().stream()
        .sorted(Comparator.comparing(Balance::id))
        .toList();
  }

  @Test
  void a_runner_that_closes_hands_its_projections_over_without_waiting_for_the_lease_time()
      throws Exception {
    List<String> models = List.of(model("m"), model("m"), model("m"));
    Projections a = started(withAll(runner(storage, "node-a"), models));
    Projections b = started(withAll(runner(storage, "node-b"), models));
    eventually(() -> held(a) + held(b) == 3 && held(b) >= 1, "the projections dealt out");
    append("a", 0, 4);

    a.close();
    eventually(() -> held(b) == 3, "the closed runner's projections taken over");
    append("a", 4, 4);

    assertThat(b.awaitCheckpoint(head(), WAIT)).isTrue();
    for (String model : models) {
      assertThat(sorted(b, model)).containsExactly(complete("a", 8));
    }
  }

  @Test
  void a_runner_that_stops_renewing_loses_its_projections_and_the_others_go_on_from_its_checkpoint()
      throws Exception {
    String model = model("m");
    var frozen = new FreezableStorage(storage);
    Projections a = started(runner(frozen, "node-a").add(balances("p", model, message -> false)));
    append("a", 0, 3);
    assertThat(a.awaitCheckpoint(head(), WAIT)).isTrue();
    Projections b = started(runner(storage, "node-b").add(balances("p", model, message -> false)));

    frozen.freeze(); // a keeps its lease only by renewing it, which it no longer does
    eventually(() -> held(b) == 1, "the frozen runner's projection taken over");
    append("a", 3, 3);
    assertThat(b.awaitCheckpoint(head(), WAIT)).isTrue();
    frozen.thaw();

    assertThat(sorted(b, model)).containsExactly(complete("a", 6));
    eventually(() -> held(a) + held(b) == 1, "one runner holding the projection again");
    append("a", 6, 2);
    assertThat(a.awaitCheckpoint(head(), WAIT)).isTrue();
    assertThat(sorted(a, model)).containsExactly(complete("a", 8));
  }

  @Test
  void a_runner_that_froze_in_the_middle_of_a_batch_writes_nothing_after_losing_its_lease()
      throws Exception {
    assumeTrue(
        storage.isTransactional(),
        "The storage declares that it is not transactional: a fence cannot undo a batch's writes");
    String model = model("m");
    var frozen = new FreezableStorage(storage);
    var aHeld = new CountDownLatch(1);
    Predicate<DomainMessage> holdA =
        message -> {
          if (frozen.frozen()) {
            aHeld.countDown();
            frozen.awaitThaw(); // frozen with the batch open, as in a long GC pause
          }
          return false;
        };
    var bGate = new CountDownLatch(1);
    Predicate<DomainMessage> holdB =
        message -> {
          try {
            bGate.await(); // b takes the lease but does not commit before a has gone on
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return false;
        };
    Projections a = started(runner(frozen, "node-a").add(balances("p", model, holdA)));
    append("a", 0, 3);
    assertThat(a.awaitCheckpoint(head(), WAIT)).isTrue();
    long epochOfA = a.status("p").lease().orElseThrow().epoch();

    frozen.freeze();
    append("a", 3, 3);
    aHeld.await();
    Projections b = started(runner(storage, "node-b").add(balances("p", model, holdB)));
    eventually(() -> held(b) == 1, "the frozen runner's projection taken over");
    assertThat(b.status("p").lease().orElseThrow().epoch()).isGreaterThan(epochOfA);

    int checks = frozen.leaseChecks.get();
    int movesBefore = frozen.moves.size();
    frozen.thaw(); // a's batch goes on, to its end, where it checks its lease
    eventually(() -> frozen.leaseChecks.get() > checks, "the thawed batch's lease check");
    Thread.sleep(LEASE.toMillis() / 2); // time to commit, were the check not there

    List<String> movesAfterThaw = frozen.moves.subList(movesBefore, frozen.moves.size());
    List<String> untilRetaken = new ArrayList<>();
    for (String move : movesAfterThaw) {
      if (move.startsWith("claim")) {
        break; // from a new take on, a new epoch: writing is a's right again
      }
      untilRetaken.add(move);
    }
    assertThat(untilRetaken).as("what a wrote after it lost its lease").isEmpty();

    bGate.countDown();
    assertThat(b.awaitCheckpoint(head(), WAIT)).isTrue();
    assertThat(a.awaitCheckpoint(head(), WAIT)).isTrue();
    assertThat(sorted(b, model)).containsExactly(complete("a", 6));
  }

  @Test
  void a_rebuild_asked_of_a_runner_that_does_not_run_the_projection_runs_where_it_runs()
      throws Exception {
    String model = model("m");
    Projections a = started(runner(storage, "node-a").add(balances("p", model, message -> false)));
    append("a", 0, 3);
    assertThat(a.awaitCheckpoint(head(), WAIT)).isTrue();
    Projections b = started(runner(storage, "node-b").add(balances("p", model, message -> false)));
    eventually(() -> held(a) == 1 && held(b) == 0, "the projection staying with the first runner");

    b.rebuild("p");
    assertThatIllegalStateException().isThrownBy(() -> b.rebuild("p"));

    ProjectionStore store = storage.projectionStore(stateTable);
    eventually(
        () -> store.load("p").stream().allMatch(g -> g.live() && g.generation() == 2),
        "the rebuilt generation promoted");
    append("a", 3, 2);
    Checkpoint head = head();
    assertThat(a.awaitCheckpoint(head, WAIT)).isTrue();
    assertThat(b.awaitCheckpoint(head, WAIT)).isTrue();
    assertThat(sorted(a, model)).containsExactly(complete("a", 5));
    eventually(() -> sorted(b, model).equals(List.of(complete("a", 5))), "b reading generation 2");
  }

  @Test
  void a_decision_asked_of_a_runner_that_does_not_run_the_projection_names_the_one_that_does()
      throws Exception {
    String model = model("m");
    Projections a =
        started(
            runner(storage, "node-a")
                .add(balances("p", model, message -> message.playhead() == 1)));
    append("a", 0, 3);
    eventually(() -> a.status("p").state() == ProjectionState.PARKED, "the park");
    Projections b =
        started(
            runner(storage, "node-b")
                .add(balances("p", model, message -> message.playhead() == 1)));
    eventually(() -> held(a) == 1 && held(b) == 0, "the projection staying with the first runner");

    assertThat(b.status("p").parked()).isEqualTo(a.status("p").parked());
    assertThatIllegalStateException()
        .isThrownBy(() -> b.skip("p", "poison"))
        .withMessageContaining(a.runnerName());
    assertThat(b.awaitOutcome(3, Duration.ofSeconds(1)))
        .isInstanceOf(dev.boulevard.eventstore.AwaitOutcome.Stuck.class);

    a.skip("p", "poison");
    // other runners see the park until its runner has stored the decision
    eventually(() -> b.status("p").parked().isEmpty(), "the decision stored");
    assertThat(b.awaitCheckpoint(head(), WAIT)).isTrue();
    assertThat(sorted(b, model)).containsExactly(new Balance("a", 1 + 3, List.of(0L, 2L)));
  }

  @Test
  void a_projection_split_into_segments_is_shared_out_and_keeps_each_aggregates_order()
      throws Exception {
    String model = model("m");
    Projections a = started(runner(storage, "node-a").add(split("p", model, 4)));
    Projections b = started(runner(storage, "node-b").add(split("p", model, 4)));
    eventually(() -> held(a) == 2 && held(b) == 2, "two segments held by each runner");
    assertThat(a.status())
        .extracting(ProjectionStatus::name)
        .containsExactly("p.0/4", "p.1/4", "p.2/4", "p.3/4");

    for (int round = 0; round < 6; round++) {
      for (int account = 0; account < 12; account++) {
        append("acc-" + account, round * 2L, 2);
      }
    }
    Checkpoint head = head();

    assertThat(a.awaitCheckpoint(head, WAIT)).isTrue();
    assertThat(b.awaitCheckpoint(head, WAIT)).isTrue();
    List<Balance> balances = sorted(a, model);
    assertThat(balances) // in order: each balance lists its playheads as they were handled
        .hasSize(12)
        .allSatisfy(balance -> assertThat(balance).isEqualTo(complete(balance.id(), 12)));
    assertThat(sorted(b, model)).isEqualTo(balances);
    assertThat(a.status()).allSatisfy(status -> assertThat(status.checkpoint()).isEqualTo(head));
  }

  @Test
  void a_new_number_of_segments_over_a_projections_stored_state_is_refused() throws Exception {
    String model = model("m");
    Projections two = started(runner(storage, "node-a").add(split("p", model, 2)));
    append("a", 0, 2);
    assertThat(two.awaitCheckpoint(head(), WAIT)).isTrue();
    two.close();

    Projections four = runner(storage, "node-a").add(split("p", model, 4)).build();
    runners.add(four);
    assertThatIllegalStateException()
        .isThrownBy(four::start)
        .withMessageContaining("p.0/2")
        .withMessageContaining("p.3/4");
    Projections whole = runner(storage, "node-a").add(split("p", model, 1)).build();
    runners.add(whole);
    assertThatIllegalStateException().isThrownBy(whole::start).withMessageContaining("p.1/2");
  }

  @Test
  void a_split_projection_is_not_rebuilt_and_says_so() throws Exception {
    Projections a = started(runner(storage, "node-a").add(split("p", model("m"), 2)));

    assertThatIllegalStateException()
        .isThrownBy(() -> a.rebuild("p"))
        .withMessageContaining("split into 2 segments");
  }
}
