package dev.boulevard.readmodel.saga;

import static dev.boulevard.eventstore.contract.ContractMessages.NOW;
import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.saga.AccountWatch.Review;
import dev.boulevard.readmodel.saga.AccountWatch.Thank;
import dev.boulevard.readmodel.saga.AccountWatch.Watch;
import dev.boulevard.readmodel.saga.AccountWatch.Welcome;
import dev.boulevard.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Timeout;

/** What the saga runtime does on every storage: each storage's test extends this class. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
abstract class SagasTestCase {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));

  SagaEnvironment env;
  final TestClock clock = TestClock.at(NOW);
  final List<Object> dispatched = new CopyOnWriteArrayList<>();
  final List<Object> attempted = new CopyOnWriteArrayList<>();
  final SimpleCommandBus bus = new SimpleCommandBus();
  volatile Predicate<Object> failOn = command -> false;
  private final List<Sagas> runners = new ArrayList<>();

  abstract SagaEnvironment createEnvironment();

  @BeforeEach
  void createEnvironmentAndBus() {
    env = createEnvironment();
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
  void stopRunnersAndDropTables() throws Exception {
    runners.forEach(Sagas::close);
    env.close();
  }

  AccountWatch watch() {
    return new AccountWatch(env.process);
  }

  Sagas started(SagasBuilder builder) {
    Sagas sagas = builder.build();
    runners.add(sagas);
    sagas.start();
    return sagas;
  }

  Sagas started() {
    return started(
        env.sagas(bus)
            .add(watch())
            .clock(clock)
            .eventRetry(QUICK)
            .pollInterval(Duration.ofMillis(20)));
  }

  void open(String account) {
    env.store()
        .append(
            account, DomainEventStream.of(List.of(message(account, 0, new Opened(account, "o")))));
  }

  void append(String account, long playhead, Object event) {
    env.store().append(account, DomainEventStream.of(List.of(message(account, playhead, event))));
  }

  void depositMany(String account, long firstPlayhead, int count) {
    env.store().append(account, deposits(account, firstPlayhead, count));
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
    for (List<LoggedMessage> batch = env.log().read(after, 1000);
        !batch.isEmpty();
        batch = env.log().read(after, 1000)) {
      log.addAll(batch);
      after = batch.get(batch.size() - 1).checkpoint();
    }
    return log;
  }

  long count(Object command) {
    return dispatched.stream().filter(command::equals).count();
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
}
