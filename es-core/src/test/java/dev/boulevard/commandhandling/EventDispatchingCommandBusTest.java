package dev.boulevard.commandhandling;

import static dev.boulevard.commandhandling.SimpleCommandBusTest.handlerOf;
import static dev.boulevard.commandhandling.SimpleCommandBusTest.sneakyThrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.eventdispatcher.SimpleEventDispatcher;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventDispatchingCommandBusTest {

  record Deposit(int amount) {}

  record Notify(String text) {}

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T10:15:30.123456789Z"), ZoneOffset.UTC);

  private final SimpleCommandBus inner = new SimpleCommandBus();
  private final SimpleEventDispatcher dispatcher = new SimpleEventDispatcher();
  private final EventDispatchingCommandBus bus =
      new EventDispatchingCommandBus(inner, dispatcher, CLOCK);
  private final List<String> log = new ArrayList<>();
  private final List<CommandSucceeded> succeeded = new ArrayList<>();
  private final List<CommandFailed> failed = new ArrayList<>();

  EventDispatchingCommandBusTest() {
    dispatcher.addListener(
        CommandSucceeded.class,
        event -> {
          succeeded.add(event);
          log.add("announced " + event.command());
        });
    dispatcher.addListener(
        CommandFailed.class,
        event -> {
          failed.add(event);
          log.add("announced failed " + event.command());
        });
  }

  @Test
  void announces_a_success_with_its_dispatch_instant_and_duration() {
    bus.subscribe(handlerOf(Deposit.class, command -> spinFor(Duration.ofMillis(2))));

    long start = System.nanoTime();
    bus.dispatch(new Deposit(1));
    var elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failed).isEmpty();
    assertThat(succeeded).hasSize(1);
    var event = succeeded.get(0);
    assertThat(event.command()).isEqualTo(new Deposit(1));
    assertThat(event.dispatchedAt()).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
    assertThat(event.duration()).isBetween(Duration.ofMillis(2), elapsed);
  }

  @Test
  void announces_a_failure_and_rethrows_it() {
    var failure = new IllegalStateException("insufficient funds");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              throw failure;
            }));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(failure);
    assertThat(succeeded).isEmpty();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).command()).isEqualTo(new Deposit(1));
    assertThat(failed.get(0).error()).isSameAs(failure);
    assertThat(failed.get(0).dispatchedAt())
        .isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
    assertThat(failed.get(0).duration()).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void announces_a_command_dispatched_from_a_handler_after_it_really_ran() {
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              log.add("ran " + command);
              bus.dispatch(new Notify("deposited"));
            }));
    bus.subscribe(handlerOf(Notify.class, command -> log.add("ran " + command)));

    bus.dispatch(new Deposit(1));

    assertThat(log)
        .containsExactly(
            "ran Deposit[amount=1]",
            "announced Deposit[amount=1]",
            "ran Notify[text=deposited]",
            "announced Notify[text=deposited]");
  }

  @Test
  void announces_a_nested_failure_and_surfaces_it_to_the_outer_caller() {
    var failure = new IllegalStateException("mail server down");
    bus.subscribe(handlerOf(Deposit.class, command -> bus.dispatch(new Notify("deposited"))));
    bus.subscribe(
        handlerOf(
            Notify.class,
            command -> {
              throw failure;
            }));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(failure);
    assertThat(log)
        .containsExactly("announced Deposit[amount=1]", "announced failed Notify[text=deposited]");
  }

  @Test
  void announces_a_sneaky_checked_exception_as_a_failure_and_rethrows_it_as_is() {
    var failure = new IOException("disk full");
    bus.subscribe(handlerOf(Deposit.class, command -> sneakyThrow(failure)));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(failure);
    assertThat(succeeded).isEmpty();
    assertThat(failed).singleElement().extracting(CommandFailed::error).isSameAs(failure);
  }

  @Test
  void neither_runs_nor_announces_the_commands_that_a_failed_command_queued() {
    var failure = new IllegalStateException("insufficient funds");
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              bus.dispatch(new Notify("deposited"));
              throw failure;
            }));
    bus.subscribe(handlerOf(Notify.class, command -> log.add("ran " + command)));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(failure);
    assertThat(log).containsExactly("announced failed Deposit[amount=1]");
  }

  @Test
  void keeps_the_command_s_failure_when_announcing_it_fails_too() {
    var failure = new IllegalStateException("insufficient funds");
    var announcementFailure = new IllegalArgumentException("audit log down");
    dispatcher.addListener(
        CommandFailed.class,
        event -> {
          throw announcementFailure;
        });
    bus.subscribe(
        handlerOf(
            Deposit.class,
            command -> {
              throw failure;
            }));

    Throwable thrown = catchThrowable(() -> bus.dispatch(new Deposit(1)));

    assertThat(thrown).isSameAs(failure);
    assertThat(thrown.getSuppressed()).containsExactly(announcementFailure);
  }

  private static void spinFor(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
