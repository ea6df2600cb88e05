package dev.boulevard.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.saga.OrderCommand.Cancel;
import dev.boulevard.saga.OrderCommand.Confirm;
import dev.boulevard.saga.OrderCommand.Remind;
import dev.boulevard.saga.OrderCommand.Ship;
import dev.boulevard.saga.OrderEvent.Noted;
import dev.boulevard.saga.OrderEvent.Paid;
import dev.boulevard.saga.OrderEvent.Placed;
import dev.boulevard.saga.PaymentProcess;
import dev.boulevard.saga.ProcessAction.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessManagerScenarioTest {

  private final ProcessManagerScenario<PaymentProcess.Pending> scenario =
      ProcessManagerScenario.of(new PaymentProcess()).withAggregateId("o-1");

  private final Instant start = TestClock.DEFAULT_START;

  @Test
  void dispatches_what_an_event_asks_for_at_once() {
    scenario.when(new Placed("o-1", 30)).thenDispatched(new Confirm("o-1"));
  }

  @Test
  void dispatches_a_deadline_once_time_reaches_it_and_not_before() {
    scenario
        .given(new Placed("o-1", 30))
        .whenTimePasses(Duration.ofHours(23))
        .thenDispatched()
        .whenTimePasses(Duration.ofHours(1))
        .thenDispatched(new Remind("o-1", 1))
        .whenTimePasses(Duration.ofDays(5))
        .thenDispatched(new Cancel("o-1"))
        .thenScheduled();
  }

  @Test
  void shows_what_is_still_scheduled_in_the_order_it_falls_due() {
    scenario
        .given(new Placed("o-1", 30))
        .thenScheduled(
            new Schedule("remind", start.plus(Duration.ofDays(1)), new Remind("o-1", 1)),
            new Schedule("cancel", start.plus(Duration.ofDays(3)), new Cancel("o-1")))
        .thenState("o-1", new PaymentProcess.Pending("o-1", 30));
  }

  @Test
  void scheduling_under_a_key_again_replaces_the_pending_command() {
    scenario.given(new Placed("o-1", 30));
    scenario.clock().advance(Duration.ofHours(12));

    scenario
        .when(new Noted("o-1", "call back"))
        .thenDispatched()
        .thenScheduled(
            new Schedule("remind", start.plus(Duration.ofHours(36)), new Remind("o-1", 2)),
            new Schedule("cancel", start.plus(Duration.ofDays(3)), new Cancel("o-1")))
        .whenTimePasses(Duration.ofHours(12))
        .thenDispatched()
        .whenTimePasses(Duration.ofHours(12))
        .thenDispatched(new Remind("o-1", 2));
  }

  @Test
  void cancelled_deadlines_never_fire_and_an_ended_process_has_no_state() {
    scenario
        .given(new Placed("o-1", 30))
        .when(new Paid("o-1"))
        .thenDispatched(new Ship("o-1"))
        .thenScheduled()
        .thenEnded("o-1")
        .whenTimePasses(Duration.ofDays(10))
        .thenDispatched();
  }

  @Test
  void processes_of_two_correlations_are_independent() {
    scenario
        .given(new Placed("o-1", 30))
        .withAggregateId("o-2")
        .given(new Placed("o-2", 40))
        .when(new Paid("o-2"))
        .thenDispatched(new Ship("o-2"))
        .thenEnded("o-2")
        .thenState("o-1", new PaymentProcess.Pending("o-1", 30))
        .whenTimePasses(Duration.ofDays(3))
        .thenDispatched(new Remind("o-1", 1), new Cancel("o-1"));
  }

  @Test
  void fails_with_expected_and_actual_commands_side_by_side() {
    scenario.given(new Placed("o-1", 30)).whenTimePasses(Duration.ofDays(1));

    assertThatThrownBy(() -> scenario.thenDispatched(new Remind("o-1", 2), new Cancel("o-1")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Dispatched commands differ: expected 2 command(s), got 1")
        .hasMessageContaining("!  1 Remind[orderId=o-1, times=2] | Remind[orderId=o-1, times=1]")
        .hasMessageContaining("!  2 Cancel[orderId=o-1]          | (none)");
  }

  @Test
  void fails_when_the_schedule_differs() {
    scenario.given(new Placed("o-1", 30));

    assertThatThrownBy(() -> scenario.thenScheduled())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Scheduled commands differ: expected 0 command(s), got 2")
        .hasMessageContaining("Schedule[key=remind");
    assertThatThrownBy(() -> scenario.thenEnded("o-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected process o-1 to have ended");
    assertThatThrownBy(() -> scenario.thenState("o-1", new PaymentProcess.Pending("o-1", 31)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected: Pending[orderId=o-1, total=31]")
        .hasMessageContaining("actual:   Pending[orderId=o-1, total=30]");
  }

  @Test
  void a_handler_that_throws_fails_the_test_at_once_without_a_then() {
    assertThatThrownBy(() -> scenario.when(new Noted("o-1", "call back")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no order o-1");
  }

  @Test
  void a_handler_that_throws_changes_nothing_and_can_be_expected() {
    scenario
        .whenThrows(new Noted("o-1", "call back"), IllegalStateException.class, "no order o-1")
        .thenScheduled()
        .thenEnded("o-1");

    assertThatThrownBy(() -> scenario.thenDispatched())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 0 command(s), but 'when' threw");
  }

  @Test
  void then_before_when_and_time_running_backwards_are_refused() {
    assertThatThrownBy(() -> scenario.thenDispatched())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Call when(...)");
    assertThatThrownBy(() -> scenario.whenTimePasses(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Time passes forward");
  }
}
