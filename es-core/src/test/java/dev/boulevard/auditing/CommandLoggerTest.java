package dev.boulevard.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.boulevard.auditing.CommandLogEntry.Outcome;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.EventDispatchingCommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.eventdispatcher.SimpleEventDispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandLoggerTest {

  record Deposit(int amount) {}

  record Withdraw(int amount) {}

  private static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final SimpleCommandBus inner = new SimpleCommandBus();

  CommandLoggerTest() {
    inner.subscribe(
        new TypedCommandHandler() {
          {
            on(Deposit.class, deposit -> {});
            on(
                Withdraw.class,
                withdraw -> {
                  throw new IllegalStateException("insufficient funds for " + withdraw.amount());
                });
          }
        });
  }

  @Test
  void records_a_command_that_succeeded() {
    CommandBus bus = CommandLogger.around(inner, log, CLOCK);

    bus.dispatch(new Deposit(10));

    assertThat(log.entries()).hasSize(1);
    var entry = log.entries().get(0);
    assertThat(entry.commandType()).isEqualTo("Deposit");
    assertThat(entry.command()).isEqualTo(new Deposit(10));
    assertThat(entry.outcome()).isEqualTo(new Outcome.Succeeded());
    assertThat(entry.error()).isEmpty();
    assertThat(entry.dispatchedAt()).isEqualTo(NOW);
    assertThat(entry.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void records_a_command_that_failed_and_rethrows_its_failure() {
    CommandBus bus = CommandLogger.around(inner, log, CLOCK);

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Withdraw(5)));

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(log.entries()).hasSize(1);
    var entry = log.entries().get(0);
    assertThat(entry.commandType()).isEqualTo("Withdraw");
    assertThat(entry.outcome())
        .isEqualTo(
            new Outcome.Failed("java.lang.IllegalStateException", "insufficient funds for 5"));
    assertThat(entry.error()).contains("java.lang.IllegalStateException: insufficient funds for 5");
    assertThat(entry.dispatchedAt()).isEqualTo(NOW);
    assertThat(entry.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void records_through_a_dispatcher_it_is_attached_to() {
    var dispatcher = new SimpleEventDispatcher();
    new CommandLogger(log).attachTo(dispatcher);
    var bus = new EventDispatchingCommandBus(inner, dispatcher, CLOCK);

    bus.dispatch(new Deposit(1));
    catchThrowable(() -> bus.dispatch(new Withdraw(2)));

    assertThat(log.entries())
        .extracting(CommandLogEntry::commandType, CommandLogEntry::succeeded)
        .containsExactly(tuple("Deposit", true), tuple("Withdraw", false));
  }
}
