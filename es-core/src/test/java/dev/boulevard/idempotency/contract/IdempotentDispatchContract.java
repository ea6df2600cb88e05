package dev.boulevard.idempotency.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.idempotency.IdempotencyKeyReusedException;
import dev.boulevard.idempotency.IdempotencyStore;
import dev.boulevard.idempotency.IdempotentCommandBus;
import dev.boulevard.unitofwork.UnitOfWork;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What idempotent dispatch does on every store: a store's test extends this class and gives a new
 * event store, an idempotency store and the unit of work they share.
 *
 * <p>Commands run through an {@link IdempotentCommandBus} around a {@link SimpleCommandBus} whose
 * handler opens {@link Account}s and deposits into them through an event-sourcing repository, so
 * that "applied once" is read back from the account's balance and its stored events.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
public abstract class IdempotentDispatchContract {

  private static final Duration KEEP = Duration.ofHours(1);

  /**
   * Opens an account.
   *
   * @param account the account's id
   */
  public record Open(String account) {}

  /**
   * Puts money into an account; the handler waits for the test where the test says so.
   *
   * @param account the account's id
   * @param amount how much
   */
  public record Deposit(String account, long amount) {}

  /**
   * Takes money out of an account, refused when there is not enough.
   *
   * @param account the account's id
   * @param amount how much
   */
  public record Withdraw(String account, long amount) {}

  private final SettableClock clock = SettableClock.standingStill();
  private final AtomicInteger handled = new AtomicInteger();
  private volatile CountDownLatch entered = new CountDownLatch(0);
  private volatile CountDownLatch proceed = new CountDownLatch(0);
  private EventSourcingRepository<Account> accounts;
  private IdempotentCommandBus bus;
  private ExecutorService threads;

  /** {@return a new, empty event store; called before each test} */
  protected abstract EventStore createEventStore();

  /**
   * {@return a new idempotency store holding no keys; called before each test, after the event
   * store}
   */
  protected abstract IdempotencyStore createKeys();

  /** {@return the unit of work that the event store and the idempotency store share} */
  protected abstract UnitOfWork unitOfWork();

  @BeforeEach
  void buildBus() {
    accounts =
        EventSourcingRepository.builder(
                Account.class, createEventStore(), AggregateFactory.of(Account::new))
            .clock(clock)
            .build();
    var handlers = new SimpleCommandBus();
    handlers.subscribe(new AccountHandler());
    bus =
        IdempotentCommandBus.builder(handlers, createKeys())
            .unitOfWork(unitOfWork())
            .clock(clock)
            .keepKeysFor(KEEP)
            .build();
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private final class AccountHandler extends TypedCommandHandler {
    AccountHandler() {
      on(Open.class, open -> accounts.save(Account.open(open.account())));
      on(
          Deposit.class,
          deposit -> {
            handled.incrementAndGet();
            entered.countDown();
            await(proceed);
            Account account = accounts.load(deposit.account());
            account.deposit(deposit.amount());
            accounts.save(account);
          });
      on(
          Withdraw.class,
          withdraw -> {
            Account account = accounts.load(withdraw.account());
            account.withdraw(withdraw.amount());
            accounts.save(account);
          });
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the handler go on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@return the command with the key, in the tests' scope}
   *
   * @param key the key's value
   * @param command the command
   */
  protected static IdempotentCommand keyed(String key, Object command) {
    return new IdempotentCommand(IdempotencyKey.of("client-1", key), command);
  }

  private long balance(String account) {
    return accounts.load(account).balance();
  }

  private long playhead(String account) {
    return accounts.load(account).playhead();
  }

  @Test
  void a_repeat_stores_nothing_and_answers_what_the_first_dispatch_stored() {
    bus.dispatch(new Open("a-1"));

    DispatchResult first = bus.dispatch(keyed("k-1", new Deposit("a-1", 5)));
    DispatchResult repeat = bus.dispatch(keyed("k-1", new Deposit("a-1", 5)));

    assertThat(first.replayed()).isFalse();
    assertThat(first.appends()).hasSize(1);
    assertThat(repeat.replayed()).isTrue();
    assertThat(repeat.appends()).isEqualTo(first.appends());
    assertThat(handled).hasValue(1);
    assertThat(balance("a-1")).isEqualTo(5);
    assertThat(playhead("a-1")).isEqualTo(1);
  }

  @Test
  void a_key_sent_with_another_command_is_refused_naming_the_key_and_stores_nothing() {
    bus.dispatch(new Open("a-1"));
    bus.dispatch(keyed("k-1", new Deposit("a-1", 5)));

    assertThatThrownBy(() -> bus.dispatch(keyed("k-1", new Deposit("a-1", 6))))
        .isInstanceOf(IdempotencyKeyReusedException.class)
        .hasMessageContaining("'k-1'")
        .hasMessageContaining("client-1")
        .satisfies(
            e ->
                assertThat(((IdempotencyKeyReusedException) e).key())
                    .isEqualTo(IdempotencyKey.of("client-1", "k-1")));
    assertThatThrownBy(() -> bus.dispatch(keyed("k-1", new Withdraw("a-1", 5))))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(balance("a-1")).isEqualTo(5);
    assertThat(playhead("a-1")).isEqualTo(1);
  }

  @Test
  void a_failed_command_stores_no_key_so_its_retry_is_decided_again() {
    bus.dispatch(new Open("a-1"));

    assertThatThrownBy(() -> bus.dispatch(keyed("k-1", new Withdraw("a-1", 3))))
        .isInstanceOf(Account.InsufficientFunds.class);
    bus.dispatch(new Deposit("a-1", 10));
    DispatchResult retry = bus.dispatch(keyed("k-1", new Withdraw("a-1", 3)));

    assertThat(retry.replayed()).isFalse();
    assertThat(balance("a-1")).isEqualTo(7);
  }

  @Test
  void racing_dispatches_of_one_key_store_once_and_both_answer_the_stored_result()
      throws Exception {
    bus.dispatch(new Open("a-1"));
    entered = new CountDownLatch(1);
    proceed = new CountDownLatch(1);

    Future<DispatchResult> first =
        threads.submit(() -> bus.dispatch(keyed("k-1", new Deposit("a-1", 5))));
    await(entered); // the first holds the key, inside its handler
    Future<DispatchResult> second =
        threads.submit(() -> bus.dispatch(keyed("k-1", new Deposit("a-1", 5))));
    Thread.sleep(
        200); // time for the second to reach the key and wait on it; without the wait it would run
    // the handler
    proceed.countDown();

    DispatchResult one = first.get(30, TimeUnit.SECONDS);
    DispatchResult two = second.get(30, TimeUnit.SECONDS);
    assertThat(List.of(one.replayed(), two.replayed())).containsExactly(false, true);
    assertThat(two.appends()).isEqualTo(one.appends());
    assertThat(handled).hasValue(1);
    assertThat(balance("a-1")).isEqualTo(5);
  }

  @Test
  void a_dispatch_that_waited_on_a_key_whose_first_dispatch_failed_runs_the_command()
      throws Exception {
    bus.dispatch(new Open("a-1"));
    entered = new CountDownLatch(1);
    proceed = new CountDownLatch(1);

    // The first deposit fails after it took the key: an amount the account refuses.
    Future<DispatchResult> first =
        threads.submit(() -> bus.dispatch(keyed("k-1", new Deposit("a-1", -1))));
    await(entered);
    entered = new CountDownLatch(0);
    Future<DispatchResult> second =
        threads.submit(() -> bus.dispatch(keyed("k-1", new Deposit("a-1", -1))));
    Thread.sleep(200);
    proceed.countDown();

    assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(handled).hasValue(2);
    assertThat(playhead("a-1")).isZero();
  }

  @Test
  void a_key_counts_within_the_keep_time_and_is_free_after_it() {
    bus.dispatch(new Open("a-1"));
    DispatchResult first = bus.dispatch(keyed("k-1", new Deposit("a-1", 5)));

    clock.advance(KEEP.minusSeconds(1));
    assertThat(bus.dispatch(keyed("k-1", new Deposit("a-1", 5))).replayed()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    DispatchResult again = bus.dispatch(keyed("k-1", new Deposit("a-1", 5)));

    assertThat(again.replayed()).isFalse();
    assertThat(again.position()).isGreaterThan(first.position());
    assertThat(balance("a-1")).isEqualTo(10);
    assertThat(bus.dispatch(keyed("k-1", new Deposit("a-1", 5))).replayed()).isTrue();
  }

  @Test
  void deleting_expired_keys_deletes_only_those_past_the_keep_time() {
    bus.dispatch(new Open("a-1"));
    bus.dispatch(keyed("old", new Deposit("a-1", 1)));
    clock.advance(Duration.ofMinutes(30));
    bus.dispatch(keyed("young", new Deposit("a-1", 2)));
    clock.advance(Duration.ofMinutes(31));

    assertThat(bus.deleteExpiredKeys()).isEqualTo(1);
    assertThat(bus.deleteExpiredKeys()).isZero();
    assertThat(bus.dispatch(keyed("young", new Deposit("a-1", 2))).replayed()).isTrue();
    assertThat(bus.dispatch(keyed("old", new Deposit("a-1", 1))).replayed()).isFalse();
    assertThat(balance("a-1")).isEqualTo(4);
  }

  @Test
  void equal_values_in_other_scopes_are_other_keys() {
    bus.dispatch(new Open("a-1"));
    bus.dispatch(new IdempotentCommand(IdempotencyKey.of("client-1", "k"), new Deposit("a-1", 5)));
    DispatchResult other =
        bus.dispatch(
            new IdempotentCommand(IdempotencyKey.of("client-2", "k"), new Deposit("a-1", 7)));

    assertThat(other.replayed()).isFalse();
    assertThat(balance("a-1")).isEqualTo(12);
  }

  @Test
  void commands_without_a_key_run_every_time() {
    bus.dispatch(new Open("a-1"));
    bus.dispatch(new Deposit("a-1", 5));
    bus.dispatch(new Deposit("a-1", 5));

    assertThat(balance("a-1")).isEqualTo(10);
  }

  /** The bus the tests dispatch through, for subclasses that test more. */
  protected CommandBus bus() {
    return bus;
  }
}
