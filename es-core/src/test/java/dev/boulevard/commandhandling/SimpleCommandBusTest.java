package dev.boulevard.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.correlation.Causation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimpleCommandBusTest {

  record Deposit(int amount) {}

  record Withdraw(int amount) {}

  private final SimpleCommandBus bus = new SimpleCommandBus();
  private final List<String> log = new ArrayList<>();

  @Test
  void dispatches_to_every_subscribed_handler_in_subscription_order() {
    bus.subscribe(command -> log.add("first " + command));
    bus.subscribe(command -> log.add("second " + command));

    bus.dispatch(new Deposit(10));

    assertThat(log).containsExactly("first Deposit[amount=10]", "second Deposit[amount=10]");
  }

  @Test
  void does_not_call_a_handler_that_does_not_handle_the_command_type() {
    bus.subscribe(handlerOf(Deposit.class, command -> log.add("deposit " + command)));
    bus.subscribe(handlerOf(Withdraw.class, command -> log.add("withdraw " + command)));

    bus.dispatch(new Withdraw(3));

    assertThat(log).containsExactly("withdraw Withdraw[amount=3]");
  }

  @Test
  void throws_when_no_subscribed_handler_handles_the_command() {
    bus.subscribe(handlerOf(Deposit.class, command -> log.add("deposit")));

    assertThatThrownBy(() -> bus.dispatch(new Withdraw(3)))
        .isInstanceOf(CommandNotHandledException.class)
        .hasMessageContaining(Withdraw.class.getName());
    assertThat(log).isEmpty();
  }

  @Test
  void runs_a_command_dispatched_from_a_handler_after_the_current_one() {
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              log.add("deposit starts");
              bus.dispatch(new Withdraw(1));
              log.add("deposit ends");
            }));
    bus.subscribe(handlerOf(Withdraw.class, command -> log.add("withdraw")));

    bus.dispatch(new Deposit(5));

    assertThat(log).containsExactly("deposit starts", "deposit ends", "withdraw");
  }

  @Test
  void a_failing_handler_s_exception_reaches_the_caller_and_the_bus_still_works() {
    var failure = new IllegalStateException("insufficient funds");
    bus.subscribe(
        handlerOf(
            Withdraw.class,
            command -> {
              throw failure;
            }));
    bus.subscribe(handlerOf(Deposit.class, command -> log.add("deposit")));

    assertThat(catchThrowable(() -> bus.dispatch(new Withdraw(1)))).isSameAs(failure);
    bus.dispatch(new Deposit(1));

    assertThat(log).containsExactly("deposit");
  }

  @Test
  void a_queued_command_that_fails_after_the_outer_one_succeeded_reaches_the_caller() {
    var failure = new IllegalStateException("insufficient funds");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              bus.dispatch(new Withdraw(1));
              log.add("deposit done");
            }));
    bus.subscribe(
        handlerOf(
            Withdraw.class,
            command -> {
              throw failure;
            }));

    assertThat(catchThrowable(() -> bus.dispatch(new Deposit(1)))).isSameAs(failure);
    assertThat(log).containsExactly("deposit done");
  }

  @Test
  void runs_the_commands_queued_by_a_successful_command_and_suppresses_later_failures() {
    var first = new IllegalStateException("first");
    var second = new IllegalArgumentException("second");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              bus.dispatch(new Withdraw(1));
              bus.dispatch(new Withdraw(2));
              bus.dispatch(new Withdraw(3));
            }));
    bus.subscribe(
        handlerOf(
            Withdraw.class,
            command -> {
              log.add("withdraw " + command.amount());
              if (command.amount() < 3) {
                throw command.amount() == 1 ? first : second;
              }
            }));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(9)));

    assertThat(thrown).isSameAs(first);
    assertThat(thrown.getSuppressed()).containsExactly(second);
    assertThat(log).containsExactly("withdraw 1", "withdraw 2", "withdraw 3");
    bus.dispatch(new Withdraw(3));
    assertThat(log).hasSize(4);
  }

  @Test
  void drops_the_commands_that_a_failed_command_queued() {
    var failure = new IllegalStateException("insufficient funds");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              bus.dispatch(new Withdraw(1));
              throw failure;
            }));
    bus.subscribe(handlerOf(Withdraw.class, command -> log.add("withdraw")));

    assertThat(catchThrowable(() -> bus.dispatch(new Deposit(1)))).isSameAs(failure);
    assertThat(log).isEmpty();
  }

  @Test
  void drops_a_failed_queued_command_s_follow_ups_but_runs_those_queued_before_it() {
    var failure = new IllegalStateException("insufficient funds");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              bus.dispatch(new Withdraw(1));
              bus.dispatch(new Withdraw(2));
            }));
    bus.subscribe(
        handlerOf(
            Withdraw.class,
            command -> {
              log.add("withdraw " + command.amount());
              if (command.amount() == 1) {
                bus.dispatch(new Withdraw(10));
                throw failure;
              }
            }));

    assertThat(catchThrowable(() -> bus.dispatch(new Deposit(9)))).isSameAs(failure);
    assertThat(log).containsExactly("withdraw 1", "withdraw 2");
  }

  @Test
  void rethrows_a_sneaky_checked_exception_as_is_after_running_the_other_queued_commands() {
    var failure = new IOException("disk full");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              bus.dispatch(new Withdraw(1));
              bus.dispatch(new Withdraw(2));
            }));
    bus.subscribe(
        handlerOf(
            Withdraw.class,
            command -> {
              log.add("withdraw " + command.amount());
              if (command.amount() == 1) {
                sneakyThrow(failure);
              }
            }));

    assertThat(catchThrowable(() -> bus.dispatch(new Deposit(9)))).isSameAs(failure);
    assertThat(log).containsExactly("withdraw 1", "withdraw 2");
    bus.dispatch(new Withdraw(3));
    assertThat(log).hasSize(3);
  }

  @Test
  void runs_a_queued_command_with_the_causation_current_when_it_was_queued() {
    var queuedWith = new Causation("chain-1", "cause-1");
    var seen = new ArrayList<Optional<Causation>>();
    bus.subscribe(
        handlerOf(
            Deposit.class, command -> queuedWith.runWith(() -> bus.dispatch(new Withdraw(1)))));
    bus.subscribe(handlerOf(Withdraw.class, command -> seen.add(Causation.current())));

    bus.dispatch(new Deposit(1));

    assertThat(seen).containsExactly(Optional.of(queuedWith));
    assertThat(Causation.current()).isEmpty();
  }

  @Test
  void threads_dispatch_concurrently_and_every_command_is_handled() throws Exception {
    int threads = 8;
    var allInside = new CountDownLatch(threads);
    var handled = new CopyOnWriteArrayList<Integer>();
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              allInside.countDown();
              // Only reachable by all 8 threads at once if the bus holds no global lock.
              if (!await(allInside)) {
                throw new IllegalStateException("handlers did not run concurrently");
              }
              bus.dispatch(new Withdraw(command.amount()));
            }));
    bus.subscribe(handlerOf(Withdraw.class, command -> handled.add(command.amount())));
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<?>>();
      for (int i = 0; i < threads; i++) {
        int amount = i;
        futures.add(executor.submit(() -> bus.dispatch(new Deposit(amount))));
      }
      for (Future<?> future : futures) {
        future.get(10, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(handled).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void rejects_a_null_command() {
    assertThatThrownBy(() -> bus.dispatch(null)).isInstanceOf(NullPointerException.class);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }

  static <C> TypedCommandHandler handlerOf(Class<C> type, Consumer<C> handler) {
    return new TypedCommandHandler() {
      {
        on(type, handler);
      }
    };
  }
}
