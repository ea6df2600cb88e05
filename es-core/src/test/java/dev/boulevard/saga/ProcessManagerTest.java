package dev.boulevard.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.fixtures.SettableClock;
import dev.boulevard.saga.OrderCommand.Cancel;
import dev.boulevard.saga.OrderCommand.Confirm;
import dev.boulevard.saga.OrderCommand.Remind;
import dev.boulevard.saga.OrderEvent.Noted;
import dev.boulevard.saga.OrderEvent.Paid;
import dev.boulevard.saga.OrderEvent.Placed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessManagerTest {

  private final SettableClock clock = SettableClock.standingStill();
  private final PaymentProcess process = new PaymentProcess();

  private DomainMessage message(String aggregateId, Object event) {
    return DomainMessage.recordNow(aggregateId, 0, Metadata.of("trace", "t-1"), event, clock);
  }

  @Test
  void a_reaction_holds_the_new_state_and_the_actions_in_order() {
    Reaction<PaymentProcess.Pending> reaction =
        process.react(message("o-1", new Placed("o-1", 30)), Optional.empty());

    Instant now = clock.instant();
    assertThat(reaction.correlation()).isEqualTo("o-1");
    assertThat(reaction.ended()).isFalse();
    assertThat(reaction.state()).contains(new PaymentProcess.Pending("o-1", 30));
    assertThat(reaction.actions())
        .containsExactly(
            new ProcessAction.Dispatch(new Confirm("o-1")),
            new ProcessAction.Schedule(
                "remind", now.plus(Duration.ofDays(1)), new Remind("o-1", 1)),
            new ProcessAction.Schedule("cancel", now.plus(Duration.ofDays(3)), new Cancel("o-1")));
  }

  @Test
  void ending_a_process_leaves_no_state() {
    Reaction<PaymentProcess.Pending> reaction =
        process.react(
            message("o-1", new Paid("o-1")), Optional.of(new PaymentProcess.Pending("o-1", 30)));

    assertThat(reaction.ended()).isTrue();
    assertThat(reaction.state()).isEmpty();
    assertThat(reaction.actions()).hasSize(3);
  }

  @Test
  void events_it_has_no_handler_for_belong_to_no_process() {
    assertThat(process.correlationOf(message("o-1", "a string"))).isEmpty();
    assertThat(process.correlationOf(message("o-1", new Paid("o-1")))).contains("o-1");
    assertThat(process.eventTypes())
        .containsExactlyInAnyOrder(Placed.class, Paid.class, Noted.class);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> process.react(message("o-1", "a string"), Optional.empty()))
        .withMessageContaining("payment_process has no handler for java.lang.String");
  }

  @Test
  void correlates_by_a_metadata_value() {
    var byTrace =
        new ProcessManager<String>("by_trace", String.class) {
          {
            on(Paid.class, CorrelationKey.metadata("trace"), (state, paid, context) -> "seen");
            on(Noted.class, CorrelationKey.metadata("missing"), (state, noted, context) -> "seen");
          }
        };

    assertThat(byTrace.correlationOf(message("o-1", new Paid("o-1")))).contains("t-1");
    assertThatIllegalStateException()
        .isThrownBy(() -> byTrace.correlationOf(message("o-7", new Noted("o-7", "x"))))
        .withMessageContaining("by_trace found no valid correlation key")
        .withMessageContaining(Noted.class.getName())
        .withMessageContaining("aggregate o-7 at playhead 0");
  }

  @Test
  void a_handler_that_returns_no_state_without_ending_is_refused() {
    var forgetful =
        new ProcessManager<String>("forgetful", String.class) {
          {
            on(Paid.class, CorrelationKey.aggregateId(), (state, paid, context) -> null);
          }
        };

    assertThatIllegalStateException()
        .isThrownBy(() -> forgetful.react(message("o-1", new Paid("o-1")), Optional.empty()))
        .withMessageContaining("returned no state for o-1 without ending the process");
  }

  @Test
  void refuses_bad_names_abstract_event_types_and_second_handlers() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProcessManager<String>("9 lives", String.class) {})
        .withMessageContaining("got '9 lives'");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ProcessManager<String>("abstract_one", String.class) {
                  {
                    on(OrderEvent.class, CorrelationKey.aggregateId(), (s, e, c) -> "x");
                  }
                })
        .withMessageContaining("register its concrete classes instead");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ProcessManager<String>("twice", String.class) {
                  {
                    on(Paid.class, CorrelationKey.aggregateId(), (s, e, c) -> "x");
                    on(Paid.class, CorrelationKey.aggregateId(), (s, e, c) -> "y");
                  }
                })
        .withMessageContaining("twice already has a handler for " + Paid.class.getName());
  }

  @Test
  void refuses_empty_deadline_keys() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProcessAction.Cancel(""))
        .withMessageContaining("A deadline key is 1 to 255 characters, got 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProcessAction.Schedule("k".repeat(256), Instant.EPOCH, "c"))
        .withMessageContaining("got 256");
  }
}
