package dev.boulevard.commandhandling;

import static dev.boulevard.commandhandling.SimpleCommandBusTest.handlerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.eventdispatcher.SimpleEventDispatcher;
import dev.boulevard.unitofwork.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** An {@link EventDispatchingCommandBus} that runs each command in a unit of work. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnitOfWorkDispatchTest {

  record Deposit(int amount) {}

  private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  private final List<String> log = new ArrayList<>();
  private final SimpleCommandBus inner = new SimpleCommandBus();
  private final SimpleEventDispatcher dispatcher = new SimpleEventDispatcher();
  private final EventDispatchingCommandBus bus =
      new EventDispatchingCommandBus(inner, dispatcher, CLOCK, new RecordingUnitOfWork());

  UnitOfWorkDispatchTest() {
    dispatcher.addListener(CommandSucceeded.class, e -> log.add("announced " + e.command()));
    dispatcher.addListener(CommandFailed.class, e -> log.add("announced failed " + e.command()));
  }

  /** Records where its units begin and end, as a transaction would. */
  private final class RecordingUnitOfWork implements UnitOfWork {
    @Override
    public <T> T run(Supplier<T> work) {
      log.add("begin");
      try {
        T result = work.get();
        log.add("commit");
        return result;
      } catch (RuntimeException e) {
        log.add("rollback");
        throw e;
      }
    }
  }

  @Test
  void announces_a_success_inside_the_command_s_unit_before_it_commits() {
    inner.subscribe(handlerOf(Deposit.class, c -> log.add("handled " + c)));

    bus.dispatch(new Deposit(1));

    assertThat(log)
        .containsExactly(
            "begin", "handled Deposit[amount=1]", "announced Deposit[amount=1]", "commit");
  }

  @Test
  void announces_a_failure_after_the_unit_rolled_back() {
    var failure = new IllegalStateException("insufficient funds");
    inner.subscribe(
        handlerOf(
            Deposit.class,
            c -> {
              throw failure;
            }));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(failure);
    assertThat(log).containsExactly("begin", "rollback", "announced failed Deposit[amount=1]");
  }

  @Test
  void rolls_back_and_announces_a_failure_when_a_listener_refuses_the_success() {
    var refusal = new IllegalStateException("audit table full");
    inner.subscribe(handlerOf(Deposit.class, c -> log.add("handled")));
    dispatcher.addListener(
        CommandSucceeded.class,
        e -> {
          throw refusal;
        });

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(refusal);
    assertThat(log)
        .containsExactly(
            "begin",
            "handled",
            "announced Deposit[amount=1]",
            "rollback",
            "announced failed Deposit[amount=1]");
  }

  @Test
  void runs_a_command_dispatched_from_a_handler_in_a_unit_of_its_own() {
    inner.subscribe(
        handlerOf(
            Deposit.class,
            c -> {
              log.add("handled " + c);
              if (c.amount() == 1) {
                bus.dispatch(new Deposit(2));
              }
            }));

    bus.dispatch(new Deposit(1));

    assertThat(log)
        .containsExactly(
            "begin",
            "handled Deposit[amount=1]",
            "announced Deposit[amount=1]",
            "commit",
            "begin",
            "handled Deposit[amount=2]",
            "announced Deposit[amount=2]",
            "commit");
  }

  @Test
  void without_a_unit_of_work_a_refused_success_is_not_announced_as_a_failure() {
    var plain = new EventDispatchingCommandBus(inner, dispatcher, CLOCK, UnitOfWork.none());
    inner.subscribe(handlerOf(Deposit.class, c -> log.add("handled")));
    dispatcher.addListener(
        CommandSucceeded.class,
        e -> {
          throw new IllegalStateException("metrics down");
        });

    catchThrowable(() -> plain.dispatch(new Deposit(1)));

    assertThat(log).containsExactly("handled", "announced Deposit[amount=1]");
  }
}
