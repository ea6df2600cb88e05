package dev.boulevard.readmodel.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.NOW;
import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.correlation.Causation;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.idempotency.IdempotentCommandBus;
import dev.boulevard.idempotency.InMemoryIdempotencyStore;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.readmodel.saga.SagasBuilder;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.OutboxEntry;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.saga.CorrelationKey;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.serializer.EventTypeRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the process managers' runtime ({@link Sagas}) does on every {@link ReadModelStorage}: a
 * storage's test extends this class and returns a new storage from {@link #createStorage()}.
 *
 * <p>The events come from an in-memory event store unless {@link #createEventLog} says otherwise.
 * Each test names its process manager, state table and outbox afresh; {@link #cleanUp} drops them
 * where a storage keeps them beyond the test.
 *
 * <p>Besides es-readmodel's test-jar, the suite needs es-core's test-jar, es-eventstore-inmemory,
 * JUnit 5 and AssertJ on the test class path.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
public abstract class SagasContract {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));

  /** The process manager's name, which names its state's read model too. */
  private final String process = uniqueName("sg");

  private final String stateTable = uniqueName("sgs");
  private final String outboxTable = uniqueName("sgo");
  private final List<String> tables = new ArrayList<>(List.of(stateTable, outboxTable));
  private ReadModelStorage storage;
  private StoreAndLog events;
  private final SettableClock clock = SettableClock.at(NOW);
  private final List<Object> dispatched = new CopyOnWriteArrayList<>();
  private final List<Object> attempted = new CopyOnWriteArrayList<>();
  private final SimpleCommandBus bus = new SimpleCommandBus();
  private volatile Predicate<Object> failOn = command -> false;
  private final List<Sagas> runners = new ArrayList<>();

  /** {@return a new storage for one test; called before each test} */
  protected abstract ReadModelStorage createStorage();

  /**
   * Returns the event store that a test appends to and the global log that its process managers
   * read; called once before each test, after {@link #createStorage()}.
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
   * @param process the name of the test's process manager, whose states the runtime keeps in the
   *     read model named after it followed by {@code _1}
   * @param tables the names of the projection stores and outboxes the test used
   * @throws Exception if dropping fails
   */
  protected void cleanUp(ReadModelStorage storage, String process, List<String> tables)
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
  void createStorageLogAndBus() {
    storage = createStorage();
    events = createEventLog(storage);
    bus.subscribe(
        command -> {
          attempted.add(command);
          if (failOn.test(command)) {
            throw new IllegalStateException("refused " + command);
          }
          dispatched.add(command);
        });
  }

  @AfterEach
  void stopRunnersAndCleanUp() throws Exception {
    runners.forEach(Sagas::close);
    cleanUp(storage, process, List.copyOf(tables));
  }

  private SagasBuilder sagas(CommandBus bus) {
    return sagas(bus, AccountWatch.COMMANDS);
  }

  private SagasBuilder sagas(CommandBus bus, EventTypeRegistry commandTypes) {
    return Sagas.builder(events.log(), storage, bus, commandTypes).tables(stateTable, outboxTable);
  }

  AccountWatch watch() {
    return new AccountWatch(process);
  }

  Sagas started(SagasBuilder builder) {
    Sagas sagas = builder.build();
    runners.add(sagas);
    sagas.start();
    return sagas;
  }

  Sagas started() {
    return started(
        sagas(bus).add(watch()).clock(clock).eventRetry(QUICK).pollInterval(Duration.ofMillis(20)));
  }

  void open(String account) {
    events
        .store()
        .append(
            account, DomainEventStream.of(List.of(message(account, 0, new Opened(account, "o")))));
  }

  void append(String account, long playhead, Object event) {
    events
        .store()
        .append(account, DomainEventStream.of(List.of(message(account, playhead, event))));
  }

  void depositMany(String account, long firstPlayhead, int count) {
    events.store().append(account, deposits(account, firstPlayhead, count));
  }

  /** Waits until the log holds a number of events and the runner has handled them all. */
  void caughtUp(Sagas sagas, int events) throws InterruptedException {
    eventually(() -> wholeLog().size() == events, events + " events in the log");
    long last = wholeLog().get(events - 1).position();
    assertThat(sagas.awaitPosition(last, WAIT)).as("caught up with position " + last).isTrue();
  }

  List<LoggedMessage> wholeLog() {
    var log = new ArrayList<LoggedMessage>();
    Checkpoint after = Checkpoint.beginning();
    for (List<LoggedMessage> batch = events.log().read(after, 1000);
        !batch.isEmpty();
        batch = events.log().read(after, 1000)) {
      log.addAll(batch);
      after = batch.get(batch.size() - 1).checkpoint();
    }
    return log;
  }

  long count(Object command) {
    return dispatched.stream().filter(command::equals).count();
  }

  long attemptsOf(Object command) {
    return attempted.stream().filter(command::equals).count();
  }

  /** {@return the failed attempts the outbox holds for the command dispatched without a key} */
  static int outboxAttempts(Sagas sagas) {
    return sagas.scheduled().stream()
        .filter(entry -> entry.key() == null)
        .mapToInt(OutboxEntry::attempts)
        .findFirst()
        .orElse(0);
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

  static boolean parked(Sagas sagas) {
    return sagas.status().get(0).parked().isPresent();
  }

  static Watch watch(String account, int deposits) {
    return new Watch(account, deposits);
  }

  static Welcome welcome(String account) {
    return new Welcome(account);
  }

  static Thank thank(String account, long playhead) {
    return new Thank(account, playhead);
  }

  static Review review(String account) {
    return new Review(account);
  }

  static Deposited deposited(String account, long amount) {
    return new Deposited(account, amount);
  }

  static Withdrawn withdrawn(String account, long amount) {
    return new Withdrawn(account, amount);
  }

  @Test
  void the_same_name_gives_the_same_outbox_and_another_name_another() {
    String name = uniqueName("sgo");
    String other = uniqueName("sgo");
    tables.add(name);
    tables.add(other);
    storage
        .outbox(name)
        .add(
            new OutboxEntry(
                0,
                process,
                "a",
                "review",
                NOW,
                "watch.review",
                "{\"account\":\"a\"}",
                new Causation("correlation-1", "event-1"),
                0,
                null));

    Outbox again = storage.outbox(name);
    assertThat(again.pending())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.process()).isEqualTo(process);
              assertThat(entry.correlation()).isEqualTo("a");
              assertThat(entry.key()).isEqualTo("review");
              assertThat(entry.dueAt()).isEqualTo(NOW);
              assertThat(entry.command()).isEqualTo("{\"account\":\"a\"}");
              assertThat(entry.causation()).isEqualTo(new Causation("correlation-1", "event-1"));
            });
    assertThat(again.due(NOW, 10)).hasSize(1);
    assertThat(storage.outbox(other).pending()).isEmpty();
    assertThat(storage.outbox(other).due(NOW, 10)).isEmpty();
  }

  @Test
  void dispatches_each_event_s_commands_once_across_a_restart() throws Exception {
    open("a");
    depositMany("a", 1, 40);
    Sagas first = started(sagas(bus).add(watch()).clock(clock).batchSize(5));
    eventually(() -> dispatched.size() >= 10, "the first commands");
    first.close();
    depositMany("a", 41, 20);

    Sagas second = started(sagas(bus).add(watch()).clock(clock).batchSize(5));
    caughtUp(second, 61);
    eventually(() -> dispatched.size() >= 61, "61 commands");
    eventually(() -> second.scheduled().size() == 1, "only the review left in the outbox");

    assertThat(dispatched).hasSize(61).doesNotHaveDuplicates().startsWith(welcome("a"));
    assertThat(dispatched.subList(1, 61))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 60).mapToObj(p -> thank("a", p)).toList());
    assertThat(second.state(watch(), "a")).contains(watch("a", 60));
    assertThat(second.scheduled()).extracting(OutboxEntry::key).containsExactly("review");
  }

  @Test
  void a_deadline_survives_a_restart_and_fires_once_the_clock_passes_it() throws Exception {
    open("a");
    Sagas first = started();
    caughtUp(first, 1);
    eventually(() -> first.scheduled().size() == 1, "the welcome's removal from the outbox");
    assertThat(dispatched).containsExactly(welcome("a"));
    assertThat(first.scheduled())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.process()).isEqualTo(process);
              assertThat(entry.correlation()).isEqualTo("a");
              assertThat(entry.key()).isEqualTo("review");
              assertThat(entry.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
              assertThat(entry.commandType()).isEqualTo("watch.review");
              assertThat(entry.command()).isEqualTo("{\"account\":\"a\"}");
              assertThat(entry.attempts()).isZero();
            });
    first.close();

    clock.advance(Duration.ofHours(23));
    Sagas second = started();
    assertThat(second.dispatchDue()).isZero();
    assertThat(dispatched).containsExactly(welcome("a"));

    clock.advance(Duration.ofHours(1));
    eventually(() -> count(review("a")) == 1, "the review");
    eventually(() -> second.scheduled().isEmpty(), "an empty outbox");
    assertThat(second.dispatchDue()).isZero();
    assertThat(dispatched).containsExactly(welcome("a"), review("a"));
  }

  @Test
  void a_cancelled_deadline_never_fires() throws Exception {
    open("a");
    append("a", 1, deposited("a", 1000));
    Sagas sagas = started();
    caughtUp(sagas, 2);
    eventually(() -> sagas.scheduled().isEmpty(), "the thanks, and no review");
    clock.advance(Duration.ofDays(2));
    sagas.dispatchDue();
    assertThat(dispatched).containsExactly(welcome("a"), thank("a", 1));
  }

  @Test
  void a_failing_command_is_retried_with_backoff_then_kept_until_released() throws Exception {
    failOn = command -> command instanceof Welcome;
    open("a");
    Sagas sagas =
        started(
            sagas(bus)
                .add(watch())
                .clock(clock)
                .pollInterval(Duration.ofMillis(20))
                .delivery(new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10))));
    caughtUp(sagas, 1);
    // The outbox's count, not the bus's: the dispatcher reads the clock for the next attempt after
    // the bus has failed, and a clock moved in between would put that attempt out of reach.
    eventually(() -> outboxAttempts(sagas) == 1, "the first attempt");
    sagas.dispatchDue();
    assertThat(attemptsOf(welcome("a"))).as("no retry before the pause").isEqualTo(1);
    OutboxEntry waiting =
        sagas.scheduled().stream().filter(e -> e.key() == null).findFirst().orElseThrow();
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(waiting.lastError()).contains("refused Welcome[account=a]");

    clock.advance(Duration.ofMinutes(1));
    eventually(() -> outboxAttempts(sagas) == 2, "the second attempt");
    clock.advance(Duration.ofMinutes(2));
    eventually(() -> sagas.failed().size() == 1, "the command to be kept");

    OutboxEntry kept = sagas.failed().get(0);
    assertThat(kept.attempts()).isEqualTo(3);
    assertThat(kept.commandType()).isEqualTo("watch.welcome");
    assertThat(kept.lastError()).contains("refused Welcome[account=a]");
    clock.advance(Duration.ofDays(2));
    eventually(() -> sagas.scheduled().isEmpty(), "the review, which is not held up");
    assertThat(dispatched).containsExactly(review("a"));
    assertThat(attemptsOf(welcome("a"))).isEqualTo(3);

    failOn = command -> false;
    assertThat(sagas.retry(kept.id())).isTrue();
    assertThat(sagas.retry(kept.id() + 1000)).isFalse();
    eventually(() -> count(welcome("a")) == 1, "the released welcome");
    eventually(() -> sagas.failed().isEmpty() && sagas.scheduled().isEmpty(), "an empty outbox");
  }

  @Test
  void with_keys_a_command_delivered_again_after_its_first_delivery_committed_is_applied_once()
      throws Exception {
    // The bus applies the welcome, then its answer is lost (a crash, a cut connection): the
    // outbox entry stays and is delivered again.
    assertThat(deliverWelcomeWhoseFirstAnswerIsLost(true)).isEqualTo(1);
  }

  @Test
  void without_keys_a_command_delivered_again_after_its_first_delivery_committed_is_applied_twice()
      throws Exception {
    assertThat(deliverWelcomeWhoseFirstAnswerIsLost(false)).isEqualTo(2);
  }

  /** {@return how often the welcome was applied, after its first answer was lost} */
  private long deliverWelcomeWhoseFirstAnswerIsLost(boolean keyed) throws Exception {
    CommandBus idempotent =
        IdempotentCommandBus.builder(bus, new InMemoryIdempotencyStore()).build();
    var answers = new java.util.concurrent.atomic.AtomicInteger();
    CommandBus losingFirstAnswer =
        new CommandBus() {
          @Override
          public void subscribe(CommandHandler handler) {
            idempotent.subscribe(handler);
          }

          @Override
          public DispatchResult dispatch(Object command) {
            DispatchResult result = idempotent.dispatch(command);
            if (IdempotentCommand.unwrap(command) instanceof Welcome
                && answers.getAndIncrement() == 0) {
              throw new IllegalStateException("the answer was lost");
            }
            return result;
          }
        };
    SagasBuilder builder =
        sagas(losingFirstAnswer)
            .add(watch())
            .clock(clock)
            .pollInterval(Duration.ofMillis(20))
            .delivery(new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10)));
    Sagas sagas = started(keyed ? builder.keyCommands() : builder);
    open("a");
    caughtUp(sagas, 1);
    eventually(() -> outboxAttempts(sagas) == 1, "the first delivery");
    clock.advance(Duration.ofMinutes(1));
    eventually(() -> answers.get() == 2, "the second delivery");
    clock.advance(Duration.ofDays(2));
    eventually(() -> sagas.scheduled().isEmpty() && sagas.failed().isEmpty(), "an empty outbox");
    return count(welcome("a"));
  }

  @Test
  void processes_of_two_correlations_are_independent() throws Exception {
    open("a");
    open("b");
    append("a", 1, deposited("a", 5));
    append("a", 2, withdrawn("a", 1));
    Sagas sagas = started();
    caughtUp(sagas, 4);
    eventually(() -> dispatched.size() == 3, "two welcomes and a thanks");
    eventually(() -> sagas.scheduled().size() == 1, "their removal from the outbox");

    assertThat(sagas.state(watch(), "a")).isEmpty();
    assertThat(sagas.state(watch(), "b")).contains(watch("b", 0));
    assertThat(sagas.scheduled()).extracting(OutboxEntry::correlation).containsExactly("b");
    clock.advance(Duration.ofDays(1));
    eventually(() -> count(review("b")) == 1, "b's review");
    assertThat(sagas.dispatchDue()).isZero();
    assertThat(count(review("a"))).isZero();
  }

  @Test
  void concurrent_events_on_many_correlations_are_each_handled_once() throws Exception {
    Sagas sagas = started();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Void>> done =
          IntStream.range(0, 8)
              .mapToObj(
                  w ->
                      writers.submit(
                          () -> {
                            for (int i = 0; i < 5; i++) {
                              String account = "w" + w + "_" + i;
                              open(account);
                              depositMany(account, 1, 10);
                            }
                            return (Void) null;
                          }))
              .toList();
      for (Future<Void> writer : done) {
        writer.get();
      }
    } finally {
      writers.shutdown();
    }
    caughtUp(sagas, 440);
    eventually(() -> dispatched.size() >= 440, "440 commands");
    eventually(() -> sagas.scheduled().size() == 40, "only the reviews left in the outbox");

    assertThat(dispatched).hasSize(440);
    assertThat(new HashSet<>(dispatched)).hasSize(440);
    for (int w = 0; w < 8; w++) {
      for (int i = 0; i < 5; i++) {
        assertThat(sagas.state(watch(), "w" + w + "_" + i)).contains(watch("w" + w + "_" + i, 10));
      }
    }
  }

  @Test
  void an_event_the_process_manager_fails_on_parks_it_and_writes_nothing() throws Exception {
    open("a");
    append("a", 1, deposited("a", -5));
    Sagas sagas = started();
    eventually(() -> parked(sagas), "the park");

    assertThat(sagas.status().get(0).lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("negative deposit -5"));
    assertThat(sagas.state(watch(), "a")).contains(watch("a", 0));
    eventually(() -> sagas.scheduled().size() == 1, "the welcome's removal from the outbox");
    assertThat(sagas.scheduled()).extracting(OutboxEntry::key).containsExactly("review");
    sagas.skip(process, "a bad deposit");
    append("a", 2, deposited("a", 666));
    // The park's own error, not status() twice: the old park and the new error can both show
    // while the skip is being applied and the next event is failing.
    eventually(
        () ->
            sagas
                .status()
                .get(0)
                .parked()
                .map(ParkedEvent::error)
                .orElse("")
                .contains("is not registered"),
        "the park at the unregistered command");

    assertThat(sagas.state(watch(), "a")).contains(watch("a", 0));
    sagas.skip(process, "an unregistered command");
    append("a", 3, deposited("a", 3));
    caughtUp(sagas, 4);
    eventually(() -> count(thank("a", 3)) == 1, "the thanks");
    assertThat(sagas.state(watch(), "a")).contains(watch("a", 1));
    assertThat(dispatched).containsExactly(welcome("a"), thank("a", 3));
  }

  @Test
  void a_stored_command_whose_type_is_no_longer_registered_is_kept_at_once() throws Exception {
    open("a");
    Sagas first = started();
    caughtUp(first, 1);
    eventually(() -> first.scheduled().size() == 1, "the welcome's delivery");
    first.close();
    var withoutReview =
        EventTypeRegistry.builder()
            .register("watch.welcome", Welcome.class)
            .register("watch.thank", Thank.class)
            .build();

    Sagas second =
        started(
            sagas(bus, withoutReview)
                .add(watch())
                .clock(clock)
                .pollInterval(Duration.ofMillis(20)));
    clock.advance(Duration.ofDays(1));
    eventually(() -> second.failed().size() == 1, "the review to be kept");

    OutboxEntry kept = second.failed().get(0);
    assertThat(kept.attempts()).isEqualTo(1);
    assertThat(kept.lastError())
        .contains("command type 'watch.review'")
        .contains("registry does not know");
    assertThat(second.scheduled()).isEmpty();
    assertThat(dispatched).containsExactly(welcome("a"));
  }

  /**
   * The process manager of the suite: welcomes an opened account at once and reviews it a day
   * later; thanks for each deposit; a deposit of 1000 or more cancels the review; a withdrawal ends
   * the process and cancels the review; a negative deposit makes it fail, and a deposit of 666
   * dispatches a command nobody registered.
   */
  public static final class AccountWatch extends ProcessManager<Watch> {

    /** The commands it dispatches, by type name. */
    public static final EventTypeRegistry COMMANDS =
        EventTypeRegistry.builder()
            .register("watch.welcome", Welcome.class)
            .register("watch.thank", Thank.class)
            .register("watch.review", Review.class)
            .build();

    /**
     * Creates the process manager.
     *
     * @param name its name, which names its states' read model too
     */
    public AccountWatch(String name) {
      super(name, Watch.class);
      on(
          Opened.class,
          CorrelationKey.aggregateId(),
          (state, opened, context) -> {
            context.dispatch(new Welcome(opened.account()));
            context.schedule(
                "review",
                context.message().recordedOn().plus(Duration.ofDays(1)),
                new Review(opened.account()));
            return new Watch(opened.account(), 0);
          });
      on(
          Deposited.class,
          CorrelationKey.aggregateId(),
          (state, deposited, context) -> {
            if (deposited.amount() < 0) {
              throw new IllegalArgumentException("negative deposit " + deposited.amount());
            }
            if (deposited.amount() == 666) {
              context.dispatch(new Unregistered(deposited.account()));
            }
            context.dispatch(new Thank(deposited.account(), context.message().playhead()));
            if (deposited.amount() >= 1000) {
              context.cancel("review");
            }
            Watch watch = state.orElse(new Watch(deposited.account(), 0));
            return new Watch(watch.account(), watch.deposits() + 1);
          });
      on(
          Withdrawn.class,
          CorrelationKey.aggregateId(),
          (state, withdrawn, context) -> {
            context.cancel("review");
            context.end();
            return null;
          });
    }
  }

  /**
   * The state of an account's watch.
   *
   * @param account the account
   * @param deposits how many deposits it thanked for
   */
  public record Watch(String account, int deposits) {}

  /**
   * The command that welcomes an account.
   *
   * @param account the account
   */
  public record Welcome(String account) {}

  /**
   * The command that thanks for a deposit.
   *
   * @param account the account
   * @param playhead the deposit's playhead
   */
  public record Thank(String account, long playhead) {}

  /**
   * The command that reviews an account a day after it opened.
   *
   * @param account the account
   */
  public record Review(String account) {}

  /**
   * A command nobody registered.
   *
   * @param account the account
   */
  public record Unregistered(String account) {}
}
