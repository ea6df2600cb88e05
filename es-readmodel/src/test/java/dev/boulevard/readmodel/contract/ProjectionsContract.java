package dev.boulevard.readmodel.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.projection.RebuildProgress;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * What tracking projections do on every {@link ReadModelStorage}: a storage's test extends this
 * class and returns a new storage from {@link #createStorage()}.
 *
 * <p>The events come from an in-memory event store unless {@link #createEventLog} says otherwise,
 * as a storage whose checkpoints must commit with the log's own database does. Each test names its
 * read models and projection stores afresh; {@link #cleanUp} drops them where a storage keeps them
 * beyond the test. The cases that need transactions or durability run only on a storage that
 * declares them, and are reported as skipped, with the reason, on one that does not.
 *
 * <p>Besides es-readmodel's test-jar, the suite needs es-core's test-jar, es-eventstore-inmemory,
 * JUnit 5 and AssertJ on the test class path.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
public abstract class ProjectionsContract {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));

  private ReadModelStorage storage;
  private StoreAndLog events;
  private final String stateTable = uniqueName("pr");
  private final List<String> readModels = new ArrayList<>();
  private final List<String> stores = new ArrayList<>(List.of(stateTable));
  private final List<Projections> runners = new ArrayList<>();
  private volatile Predicate<DomainMessage> failOn = message -> false;

  /** {@return a new storage for one test; called before each test} */
  protected abstract ReadModelStorage createStorage();

  /**
   * Returns the event store that a test appends to and the global log that its projections read;
   * called once before each test, after {@link #createStorage()}.
   *
   * @param storage the test's storage, for a log that must live beside it
   * @return a new, empty in-memory event store unless overridden
   */
  protected StoreAndLog createEventLog(ReadModelStorage storage) {
    return StoreAndLog.of(new InMemoryEventStore());
  }

  /**
   * Opens the storage again over what it keeps, as a new process would: a {@link
   * ReadModelStorage#isDurable() durable} storage overrides this, and the test of durability fails
   * until it does.
   *
   * @param storage the test's storage
   * @return a new instance over the same data
   */
  protected ReadModelStorage reopenStorage(ReadModelStorage storage) {
    throw new UnsupportedOperationException(
        "The storage says it is durable: override reopenStorage to open it again over its data");
  }

  /**
   * Drops what one test created, after its runners have stopped; does nothing unless overridden.
   *
   * @param storage the test's storage
   * @param readModels the names the test gave its read models; the runtime keeps each generation of
   *     a projection's read model under the name followed by {@code _} and the generation
   * @param stores the names of the projection stores the test used
   * @throws Exception if dropping fails
   */
  protected void cleanUp(ReadModelStorage storage, List<String> readModels, List<String> stores)
      throws Exception {}

  /**
   * Returns a name unique in this JVM and unlikely to clash with other runs: letters, digits and
   * underscores, at most 25 characters for a prefix of 3.
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
    cleanUp(storage, List.copyOf(readModels), List.copyOf(stores));
  }

  private EventStore store() {
    return events.store();
  }

  private GlobalEventLog log() {
    return events.log();
  }

  private String model(String base) {
    String name = uniqueName(base);
    readModels.add(name);
    return name;
  }

  private String projectionStoreName() {
    String name = uniqueName("ps");
    stores.add(name);
    return name;
  }

  private ProjectionsBuilder projections() {
    return projections(storage);
  }

  private ProjectionsBuilder projections(ReadModelStorage on) {
    return Projections.builder(log(), on).stateTable(stateTable);
  }

  TrackingProjection balances(String name, String model) {
    return TrackingProjection.named(name)
        .readModel(model, Balance.class)
        .projector(
            models ->
                new BalanceProjector(
                    models.repository(model, Balance.class), message -> failOn.test(message)));
  }

  Projections started(ProjectionsBuilder builder) {
    Projections projections = builder.build();
    runners.add(projections);
    projections.start();
    return projections;
  }

  void append(String account, long firstPlayhead, int count) {
    store().append(account, deposits(account, firstPlayhead, count));
  }

  List<LoggedMessage> wholeLog() {
    var log = new ArrayList<LoggedMessage>();
    Checkpoint after = Checkpoint.beginning();
    for (List<LoggedMessage> batch = log().read(after, 1000);
        !batch.isEmpty();
        batch = log().read(after, 1000)) {
      log.addAll(batch);
      after = batch.get(batch.size() - 1).checkpoint();
    }
    return log;
  }

  /**
   * Waits until the log holds the given number of events and returns the last one's checkpoint.
   *
   * <p>On PostgreSQL a committed event is readable once no older writing transaction is open, and
   * the projections' own transactions are such writers, so the head may lag a moment behind.
   */
  Checkpoint awaitLogOf(int events) throws InterruptedException {
    eventually(() -> wholeLog().size() == events, events + " events in the log");
    List<LoggedMessage> log = wholeLog();
    assertThat(log).hasSize(events);
    return log.get(events - 1).checkpoint();
  }

  static List<Long> playheads(long count) {
    return LongStream.range(0, count).boxed().toList();
  }

  static Balance complete(String account, int count) {
    long total = LongStream.rangeClosed(1, count).sum();
    return new Balance(account, total, playheads(count));
  }

  static List<Balance> sorted(ReadModelRepository<Balance> repository) {
    return repository.findAll().stream().sorted(Comparator.comparing(Balance::id)).toList();
  }

  static boolean pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + WAIT + " in vain for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void the_same_name_gives_the_same_projection_store_and_another_name_another() {
    String name = projectionStoreName();
    String other = projectionStoreName();
    ProjectionStore first = storage.projectionStore(name);
    first.createIfAbsent("balances", 1, true);
    first.advance("balances", 1, Checkpoint.beginning(), Checkpoint.atPosition(3));

    assertThat(storage.projectionStore(name).load("balances"))
        .singleElement()
        .satisfies(
            generation -> {
              assertThat(generation.generation()).isEqualTo(1);
              assertThat(generation.live()).isTrue();
              assertThat(generation.checkpoint()).isEqualTo(Checkpoint.atPosition(3));
              assertThat(generation.parked()).isNull();
            });
    assertThat(storage.projectionStore(other).load("balances")).isEmpty();
  }

  @Test
  void a_checkpoint_moved_in_a_transaction_that_throws_is_not_kept() {
    assumeTrue(
        storage.isTransactional(),
        "The storage declares that it is not transactional: a write before a failure stays");
    ProjectionStore store = storage.projectionStore(projectionStoreName());
    store.createIfAbsent("balances", 1, true);
    ReadModelRepository<Balance> balances = storage.repository(model("bal"), Balance.class);

    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                storage.inTransaction(
                    () -> {
                      balances.save(complete("a", 1));
                      assertThat(
                              store.advance(
                                  "balances", 1, Checkpoint.beginning(), Checkpoint.atPosition(1)))
                          .isTrue();
                      throw new IllegalStateException("the batch fails after its checkpoint");
                    }))
        .withMessage("the batch fails after its checkpoint");

    assertThat(store.load("balances"))
        .singleElement()
        .extracting(ProjectionStore.Generation::checkpoint)
        .isEqualTo(Checkpoint.beginning());
    assertThat(balances.find("a")).isEmpty();
    assertThat(store.advance("balances", 1, Checkpoint.beginning(), Checkpoint.atPosition(1)))
        .isTrue();
  }

  @Test
  void a_runner_on_the_durable_storage_opened_again_resumes_from_the_stored_checkpoint()
      throws Exception {
    assumeTrue(
        storage.isDurable(),
        "The storage declares that it is not durable: its checkpoints end with the process");
    append("a", 0, 5);
    String model = model("bal");
    Projections first = started(projections().add(balances("balances", model)));
    assertThat(first.awaitCheckpoint(log().head(), WAIT)).isTrue();
    first.close();
    append("a", 5, 3);
    var applied = new AtomicInteger();

    ReadModelStorage reopened = reopenStorage(storage);
    Projections second =
        started(
            projections(reopened)
                .add(
                    TrackingProjection.named("balances")
                        .readModel(model, Balance.class)
                        .projector(
                            models ->
                                new BalanceProjector(
                                    models.repository(model, Balance.class),
                                    message -> applied.incrementAndGet() < 0))));

    assertThat(second.awaitCheckpoint(awaitLogOf(8), WAIT)).isTrue();
    assertThat(applied).as("events applied after the restart").hasValue(3);
    assertThat(second.readModel(model, Balance.class).find("a")).contains(complete("a", 8));
    assertThat(second.status("balances").checkpoint()).isEqualTo(log().head());
  }

  @Test
  void catches_up_with_the_events_stored_before_it_started() throws Exception {
    append("a", 0, 20);
    append("b", 0, 5);
    String model = model("bal");
    Projections projections = started(projections().add(balances("balances", model)));

    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();

    assertThat(sorted(projections.readModel(model, Balance.class)))
        .containsExactly(complete("a", 20), complete("b", 5));
    ProjectionStatus status = projections.status("balances");
    assertThat(status.checkpoint()).isEqualTo(log().head());
    assertThat(status.behind()).isZero();
    assertThat(status.lastError()).isEmpty();
  }

  @Test
  void a_caller_reads_its_own_writes_by_waiting_for_their_position() throws Exception {
    String model = model("bal");
    Projections projections = started(projections().add(balances("balances", model)));
    append("a", 0, 3);
    long position = wholeLog().get(2).position();

    assertThat(projections.awaitPosition(position, WAIT)).isTrue();

    assertThat(projections.readModel(model, Balance.class).find("a")).contains(complete("a", 3));
    assertThat(projections.awaitPosition(position + 1_000, Duration.ofMillis(50))).isFalse();
  }

  @Test
  void a_runner_stopped_in_the_middle_and_restarted_ends_as_a_full_rebuild() throws Exception {
    for (int account = 0; account < 30; account++) {
      append("acc-" + account, 0, 20);
    }
    String model = model("bal");
    failOn = message -> pause(Duration.ofMillis(2)); // slow enough to be stopped in the middle
    Projections first = started(projections().batchSize(7).add(balances("balances", model)));
    eventually(() -> first.status("balances").checkpoint().position() >= 50, "some progress");
    first.close();
    failOn = message -> false;
    Checkpoint stoppedAt = first.status("balances").checkpoint();
    for (int account = 0; account < 30; account++) {
      append("acc-" + account, 20, 5);
    }

    Projections second = started(projections().batchSize(7).add(balances("balances", model)));
    // Resuming from anywhere but the stored checkpoint would apply events twice or skip some,
    // which the balances below (every playhead once, in order) would show.
    assertThat(second.awaitCheckpoint(log().head(), WAIT)).isTrue();
    List<Balance> resumed = sorted(second.readModel(model, Balance.class));
    second.rebuild("balances");
    eventually(() -> second.status("balances").rebuild().isEmpty(), "the rebuild");

    assertThat(stoppedAt.position()).isBetween(50L, 599L);
    assertThat(resumed).hasSize(30).allSatisfy(b -> assertThat(b).isEqualTo(complete(b.id(), 25)));
    assertThat(sorted(second.readModel(model, Balance.class))).isEqualTo(resumed);
  }

  @Test
  void a_failing_event_parks_its_projection_before_it_and_the_others_go_on() throws Exception {
    append("a", 0, 10);
    append("b", 0, 10);
    append("c", 0, 10);
    List<LoggedMessage> log = wholeLog();
    LoggedMessage failing = log.get(13);
    failOn = message -> message.aggregateId().equals("b") && message.playhead() == 3;
    String broken = model("bal");
    String other = model("oth");
    Projections projections =
        started(
            projections()
                .retry(QUICK)
                .add(balances("broken", broken))
                .add(
                    TrackingProjection.named("other")
                        .readModel(other, Balance.class)
                        .projector(
                            models ->
                                new BalanceProjector(
                                    models.repository(other, Balance.class), message -> false))));

    eventually(() -> projections.status("broken").state() == ProjectionState.PARKED, "the park");
    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isFalse();

    ProjectionStatus status = projections.status("broken");
    assertThat(status.checkpoint()).isEqualTo(log.get(12).checkpoint());
    assertThat(status.parked())
        .get()
        .satisfies(
            parked -> {
              assertThat(parked.checkpoint()).isEqualTo(failing.checkpoint());
              // the stored name where the log has one, the class name in memory
              assertThat(parked.eventType()).endsWithIgnoringCase("deposited");
              assertThat(parked.error()).contains("Refusing b@3");
            });
    assertThat(status.lastError()).get().asString().contains("Refusing b@3");
    ReadModelRepository<Balance> brokenModel = projections.readModel(broken, Balance.class);
    assertThat(brokenModel.find("a")).contains(complete("a", 10));
    assertThat(brokenModel.find("b")).contains(complete("b", 3));
    assertThat(brokenModel.find("c")).isEmpty();
    eventually(() -> projections.status("other").checkpoint().equals(log().head()), "the other");
    assertThat(sorted(projections.readModel(other, Balance.class)))
        .containsExactly(complete("a", 10), complete("b", 10), complete("c", 10));

    failOn = message -> false;
    projections.resume("broken", "fixed in 1.2.3");

    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    assertThat(sorted(brokenModel))
        .containsExactly(complete("a", 10), complete("b", 10), complete("c", 10));
    assertThat(projections.status("broken").parked()).isEmpty();
    assertThat(projections.decisions("broken"))
        .singleElement()
        .satisfies(
            decision -> {
              assertThat(decision.kind()).isEqualTo(ProjectionDecision.Kind.RESUME);
              assertThat(decision.reason()).isEqualTo("fixed in 1.2.3");
              assertThat(decision.parked().checkpoint()).isEqualTo(failing.checkpoint());
            });
  }

  @Test
  void a_parked_projection_told_to_skip_misses_only_that_event() throws Exception {
    append("a", 0, 5);
    failOn = message -> message.aggregateId().equals("a") && message.playhead() == 2;
    String model = model("bal");
    Projections projections = started(projections().retry(QUICK).add(balances("balances", model)));
    eventually(() -> projections.status("balances").state() == ProjectionState.PARKED, "the park");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> projections.resume("nonesuch", "x"));

    projections.skip("balances", "poison event, refunded by hand");

    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    assertThat(projections.readModel(model, Balance.class).find("a"))
        .contains(new Balance("a", 1 + 2 + 4 + 5, List.of(0L, 1L, 3L, 4L)));
    assertThat(projections.decisions("balances"))
        .extracting(ProjectionDecision::kind)
        .containsExactly(ProjectionDecision.Kind.SKIP);
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> projections.skip("balances", "again"))
        .withMessageContaining("not parked");
  }

  @Test
  void writers_appending_while_projections_tail_every_event_is_applied_once() throws Exception {
    String first = model("bal");
    String second = model("two");
    Projections projections =
        started(
            projections()
                .batchSize(50)
                .add(balances("first", first))
                .add(balances("second", second)));
    int writers = 4;
    int accounts = 5;
    int rounds = 40;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      var done = new ArrayList<Future<?>>();
      for (int writer = 0; writer < writers; writer++) {
        int w = writer;
        done.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < rounds; round++) {
                    for (int account = 0; account < accounts; account++) {
                      append("w" + w + "-" + account, round * 2L, 2);
                    }
                  }
                }));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    Checkpoint last = awaitLogOf(writers * accounts * rounds * 2);
    assertThat(projections.awaitCheckpoint(last, WAIT)).isTrue();

    for (String model : List.of(first, second)) {
      assertThat(sorted(projections.readModel(model, Balance.class)))
          .hasSize(writers * accounts)
          .allSatisfy(b -> assertThat(b).isEqualTo(complete(b.id(), rounds * 2)));
    }
  }

  @Test
  void a_rebuild_reports_progress_while_the_old_read_model_keeps_serving() throws Exception {
    for (int account = 0; account < 40; account++) {
      append("acc-" + account, 0, 25);
    }
    String model = model("bal");
    var reports = new CopyOnWriteArrayList<RebuildProgress>();
    Projections projections =
        started(
            projections()
                .batchSize(10)
                .onRebuildProgress(reports::add)
                .add(balances("balances", model)));
    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    ReadModelRepository<Balance> view = projections.readModel(model, Balance.class);
    List<Balance> before = sorted(view);

    projections.rebuild("balances");
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> projections.rebuild("balances"))
        .withMessageContaining("already being rebuilt");
    List<Balance> during = sorted(view);
    eventually(() -> projections.status("balances").rebuild().isEmpty(), "the rebuild");

    assertThat(during).isEqualTo(before);
    assertThat(sorted(view)).isEqualTo(before);
    assertThat(reports).isNotEmpty();
    RebuildProgress last = reports.get(reports.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.eventsDone()).isEqualTo(1000);
    assertThat(last.eventsLeft()).isZero();
    append("acc-0", 25, 1);
    assertThat(projections.awaitCheckpoint(awaitLogOf(1001), WAIT)).isTrue();
    assertThat(view.find("acc-0")).contains(complete("acc-0", 26));
  }

  @Test
  void a_rebuild_that_parks_is_resumed_while_the_old_read_model_keeps_serving() throws Exception {
    append("a", 0, 5);
    String model = model("bal");
    Projections projections = started(projections().retry(QUICK).add(balances("balances", model)));
    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    ReadModelRepository<Balance> view = projections.readModel(model, Balance.class);
    failOn = message -> message.playhead() == 2; // only the rebuild reads that event again

    projections.rebuild("balances");
    eventually(
        () -> projections.status("balances").rebuild().flatMap(RebuildProgress::parked).isPresent(),
        "the rebuild's park");
    assertThat(projections.status("balances").state()).isEqualTo(ProjectionState.LIVE);
    assertThat(view.find("a")).contains(complete("a", 5));

    failOn = message -> false;
    projections.resume("balances", "fixed");
    eventually(() -> projections.status("balances").rebuild().isEmpty(), "the rebuild");

    assertThat(view.find("a")).contains(complete("a", 5));
    assertThat(projections.decisions("balances"))
        .extracting(ProjectionDecision::kind)
        .containsExactly(ProjectionDecision.Kind.RESUME);
  }

  @Test
  void a_runner_restarted_after_a_rebuild_runs_only_the_rebuilt_generation() throws Exception {
    append("a", 0, 5);
    String model = model("bal");
    Projections first = started(projections().add(balances("balances", model)));
    assertThat(first.awaitCheckpoint(log().head(), WAIT)).isTrue();
    first.rebuild("balances");
    eventually(() -> first.status("balances").rebuild().isEmpty(), "the rebuild");
    first.close();

    Projections second = started(projections().add(balances("balances", model)));
    append("a", 5, 1);

    assertThat(second.awaitCheckpoint(awaitLogOf(6), WAIT)).isTrue();
    assertThat(second.readModel(model, Balance.class).find("a")).contains(complete("a", 6));
    assertThat(second.status("balances").rebuild()).isEmpty();
    second.close();
    eventually(
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(
                    t -> t.getName().startsWith("boulevard-projection-balances-") && t.isAlive()),
        "no projection thread left running");
  }

  @Test
  void a_restarted_runner_tries_a_parked_event_again() throws Exception {
    append("a", 0, 3);
    failOn = message -> message.playhead() == 1;
    String model = model("bal");
    Projections first = started(projections().retry(QUICK).add(balances("balances", model)));
    eventually(() -> first.status("balances").state() == ProjectionState.PARKED, "the park");
    first.close();

    failOn = message -> false;
    Projections second = started(projections().add(balances("balances", model)));

    assertThat(second.awaitCheckpoint(log().head(), WAIT)).isTrue();
    assertThat(second.readModel(model, Balance.class).find("a")).contains(complete("a", 3));
    assertThat(second.status("balances").parked()).isEmpty();
  }

  @Test
  void two_runners_on_one_transactional_storage_apply_each_event_once() throws Exception {
    assumeTrue(
        storage.isTransactional(),
        "The storage declares that it is not transactional: only a transaction undoes a loser's writes");
    String model = model("bal");
    Projections one = started(projections().batchSize(5).add(balances("balances", model)));
    Projections two = started(projections().batchSize(5).add(balances("balances", model)));
    for (int round = 0; round < 20; round++) {
      for (int account = 0; account < 5; account++) {
        append("acc-" + account, round * 3L, 3);
      }
    }

    Checkpoint last = awaitLogOf(300);
    assertThat(one.awaitCheckpoint(last, WAIT)).isTrue();
    assertThat(two.awaitCheckpoint(last, WAIT)).isTrue();

    assertThat(sorted(one.readModel(model, Balance.class)))
        .hasSize(5)
        .allSatisfy(b -> assertThat(b).isEqualTo(complete(b.id(), 60)));
  }

  @Test
  void a_second_decision_about_one_park_is_refused() throws Exception {
    append("a", 0, 5);
    failOn = message -> message.playhead() == 1 || message.playhead() == 3;
    String model = model("bal");
    Projections projections = started(projections().retry(QUICK).add(balances("balances", model)));
    eventually(() -> projections.status("balances").state() == ProjectionState.PARKED, "the park");

    failOn = message -> message.playhead() == 3;
    projections.resume("balances", "fixed a@1");
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> projections.skip("balances", "a second click"));
    eventually(
        () -> projections.status("balances").parked().map(ParkedEvent::position).orElse(0L) == 4L,
        "the park at a@3");
    projections.skip("balances", "a@3 is poison");

    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    assertThat(projections.readModel(model, Balance.class).find("a"))
        .contains(new Balance("a", 1 + 2 + 3 + 5, List.of(0L, 1L, 2L, 4L)));
    assertThat(projections.decisions("balances"))
        .extracting(ProjectionDecision::kind, d -> d.parked().position())
        .containsExactly(
            tuple(ProjectionDecision.Kind.RESUME, 2L), tuple(ProjectionDecision.Kind.SKIP, 4L));
  }

  @Test
  void an_error_or_a_lasting_storage_failure_in_a_projector_parks_the_projection()
      throws Exception {
    append("a", 0, 4);
    failOn =
        message -> {
          if (message.playhead() == 1) {
            throw new AssertionError("a projector's own assertion");
          }
          if (message.playhead() == 2) {
            throw new ReadModelException("a model that can never be stored", null);
          }
          return false;
        };
    String model = model("bal");
    Projections projections = started(projections().retry(QUICK).add(balances("balances", model)));

    eventually(
        () -> projections.status("balances").state() == ProjectionState.PARKED, "the first park");
    assertThat(projections.status("balances").parked().orElseThrow().error())
        .contains("AssertionError");
    projections.skip("balances", "a@1");
    eventually(
        () -> projections.status("balances").parked().map(ParkedEvent::position).orElse(0L) == 3L,
        "the second park");
    assertThat(projections.status("balances").parked().orElseThrow().error())
        .contains("never be stored");
    projections.skip("balances", "a@2");

    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    assertThat(projections.readModel(model, Balance.class).find("a"))
        .contains(new Balance("a", 1 + 4, List.of(0L, 3L)));
  }

  @Test
  void two_runners_started_at_once_on_a_fresh_storage_both_start() throws Exception {
    String model = model("bal");
    append("a", 0, 3);
    for (int round = 0; round < 3; round++) {
      String name = "race" + round;
      Projections one = projections().add(balances(name, model + round)).build();
      Projections two = projections().add(balances(name, model + round)).build();
      runners.add(one);
      runners.add(two);
      var start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> first = pool.submit(() -> awaitThen(start, one::start));
        Future<?> second = pool.submit(() -> awaitThen(start, two::start));
        first.get();
        second.get();
      } finally {
        pool.shutdown();
      }
      assertThat(one.awaitCheckpoint(log().head(), WAIT)).isTrue();
      assertThat(two.awaitCheckpoint(log().head(), WAIT)).isTrue();
    }
  }

  private static Void awaitThen(CyclicBarrier barrier, Runnable action) throws Exception {
    barrier.await();
    action.run();
    return null;
  }

  @Test
  void a_rebuild_finishes_while_writers_keep_appending() throws Exception {
    for (int account = 0; account < 10; account++) {
      append("acc-" + account, 0, 30);
    }
    String model = model("bal");
    Projections projections = started(projections().batchSize(20).add(balances("balances", model)));
    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    var writing = new AtomicBoolean(true);
    var appended = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              for (long playhead = 30; writing.get(); playhead++) {
                append("hot", playhead - 30, 1);
                appended.incrementAndGet();
                pause(Duration.ofMillis(2)); // steady, not faster than any projection can follow
              }
            });
    writer.start();
    try {
      projections.rebuild("balances");
      eventually(() -> projections.status("balances").rebuild().isEmpty(), "the rebuild");
    } finally {
      writing.set(false);
      writer.join();
    }

    Checkpoint last = awaitLogOf(300 + appended.get());
    assertThat(projections.awaitCheckpoint(last, WAIT)).isTrue();
    assertThat(projections.readModel(model, Balance.class).find("hot"))
        .contains(complete("hot", appended.get()));
  }

  @Test
  void a_cancelled_rebuild_leaves_the_live_read_model_alone() throws Exception {
    append("a", 0, 50);
    String model = model("bal");
    Projections projections = started(projections().batchSize(5).add(balances("balances", model)));
    assertThat(projections.awaitCheckpoint(log().head(), WAIT)).isTrue();
    failOn = message -> pause(Duration.ofMillis(5));

    projections.rebuild("balances");
    projections.cancelRebuild("balances");
    failOn = message -> false;

    assertThat(projections.status("balances").rebuild()).isEmpty();
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> projections.cancelRebuild("balances"))
        .withMessageContaining("not being rebuilt");
    append("a", 50, 1);
    assertThat(projections.awaitCheckpoint(awaitLogOf(51), WAIT)).isTrue();
    assertThat(projections.readModel(model, Balance.class).find("a")).contains(complete("a", 51));
    projections.rebuild("balances");
    eventually(() -> projections.status("balances").rebuild().isEmpty(), "a new rebuild");
    assertThat(projections.readModel(model, Balance.class).find("a")).contains(complete("a", 51));
  }

  @Test
  void refuses_unknown_projections_and_read_models_by_name() {
    String model = model("bal");
    Projections projections = started(projections().add(balances("balances", model)));

    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> projections.status("nonesuch"))
        .withMessageContaining("nonesuch");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> projections.readModel("nonesuch", Balance.class))
        .withMessageContaining("nonesuch");
  }

  /**
   * The read model of the suite: an account's total and the playheads of the deposits it took in,
   * in order, so that a missed or repeated event shows.
   *
   * @param id the account
   * @param total the sum of its deposits
   * @param playheads the playheads of its deposits, in the order they were applied
   */
  public record Balance(String id, long total, List<Long> playheads) implements ReadModel {

    /** {@return this balance with one more deposit} */
    public Balance plus(long amount, long playhead) {
      var taken = new ArrayList<>(playheads);
      taken.add(playhead);
      return new Balance(id, total + amount, taken);
    }
  }

  /** Adds each deposit to its account's {@link Balance}; fails on the messages a test picks. */
  public static final class BalanceProjector extends Projector {

    /**
     * Creates the projector.
     *
     * @param balances where the balances are kept
     * @param failOn which messages to refuse with an {@link IllegalStateException}
     */
    public BalanceProjector(
        ReadModelRepository<Balance> balances, Predicate<DomainMessage> failOn) {
      on(
          Deposited.class,
          (deposited, message) -> {
            if (failOn.test(message)) {
              throw new IllegalStateException(
                  "Refusing " + message.aggregateId() + "@" + message.playhead());
            }
            Balance balance =
                balances
                    .find(message.aggregateId())
                    .orElseGet(() -> new Balance(message.aggregateId(), 0, List.of()));
            balances.save(balance.plus(deposited.amount(), message.playhead()));
          });
    }
  }
}
