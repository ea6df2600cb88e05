package dev.boulevard.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.PocketAdded;
import dev.boulevard.fixtures.AccountEvent.PocketFilled;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventSourcedAggregateRootTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void a_new_aggregate_has_playhead_minus_one_and_nothing_uncommitted() {
    var account = new Account();

    assertThat(account.playhead()).isEqualTo(-1);
    assertThat(account.uncommittedEvents()).isEmpty();
  }

  @Test
  void applying_events_counts_playheads_from_zero_and_changes_state() {
    var account = Account.open("a-1");
    account.deposit(10);

    assertThat(account.playhead()).isEqualTo(1);
    assertThat(account.balance()).isEqualTo(10);
    assertThat(account.uncommittedEvents())
        .containsExactly(new Opened("a-1"), new Deposited("a-1", 10));
  }

  @Test
  void reading_uncommitted_events_does_not_remove_them() {
    var account = Account.open("a-1");

    account.uncommittedEvents();

    assertThat(account.uncommittedEvents()).containsExactly(new Opened("a-1"));
  }

  @Test
  void a_failed_decision_records_nothing() {
    var account = Account.open("a-1");

    assertThatThrownBy(() -> account.withdraw(5)).isInstanceOf(Account.InsufficientFunds.class);

    assertThat(account.playhead()).isZero();
    assertThat(account.uncommittedEvents()).hasSize(1);
  }

  @Test
  void rebuilds_its_state_from_history_without_recording_it_again() {
    var account = new Account();

    account.initializeState(
        history(new Opened("a-1"), new Deposited("a-1", 10), new Withdrawn("a-1", 3)));

    assertThat(account.aggregateId()).isEqualTo("a-1");
    assertThat(account.balance()).isEqualTo(7);
    assertThat(account.playhead()).isEqualTo(2);
    assertThat(account.uncommittedEvents()).isEmpty();
  }

  @Test
  void new_events_after_replay_continue_the_playheads() {
    var account = new Account();
    account.initializeState(history(new Opened("a-1"), new Deposited("a-1", 10)));

    account.deposit(1);

    assertThat(account.playhead()).isEqualTo(2);
    assertThat(account.uncommittedEvents()).containsExactly(new Deposited("a-1", 1));
  }

  @Test
  void replay_refuses_a_gap_in_playheads_naming_aggregate_playhead_and_type() {
    var gapped =
        DomainEventStream.of(message(0, new Opened("a-1")), message(2, new Deposited("a-1", 10)));

    assertThatThrownBy(() -> new Account().initializeState(gapped))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("'a-1'")
        .hasMessageContaining("playhead 2")
        .hasMessageContaining("Deposited")
        .hasMessageContaining("expected playhead 1");
  }

  @Test
  void replay_refuses_an_event_of_another_aggregate_type() {
    var foreign = DomainEventStream.of(message(0, "not an account event"));

    assertThatThrownBy(() -> new Account().initializeState(foreign))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("playhead 0")
        .hasMessageContaining("AccountEvent");
  }

  @Test
  void replay_wraps_a_failure_of_the_event_handler_with_its_cause() {
    var broken =
        new EventSourcedAggregateRoot<AccountEvent>(AccountEvent.class) {
          @Override
          public String aggregateId() {
            return "a-9";
          }

          @Override
          protected void when(AccountEvent event) {
            throw new IllegalStateException("boom");
          }
        };

    assertThatThrownBy(() -> broken.initializeState(history(new Opened("a-9"))))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("a-9")
        .hasRootCauseMessage("boom");
  }

  @Test
  void child_entities_receive_every_event_after_the_root() {
    var account = Account.open("a-1");
    account.addPocket("savings");
    account.deposit(10);
    account.deposit(20);

    assertThat(account.pockets()).singleElement().extracting(p -> p.eventsSeen()).isEqualTo(3);
  }

  @Test
  void a_child_entity_records_events_through_its_root() {
    var account = Account.open("a-1");
    account.addPocket("savings");

    account.fillPocket("savings", 5);

    assertThat(account.playhead()).isEqualTo(2);
    assertThat(account.uncommittedEvents()).last().isEqualTo(new PocketFilled("a-1", "savings", 5));
    assertThat(account.pockets().get(0).amount()).isEqualTo(5);
  }

  @Test
  void child_entities_are_rebuilt_from_history() {
    var account = new Account();

    account.initializeState(
        history(
            new Opened("a-1"),
            new PocketAdded("a-1", "travel"),
            new PocketFilled("a-1", "travel", 4),
            new PocketFilled("a-1", "travel", 6)));

    assertThat(account.pockets().get(0).amount()).isEqualTo(10);
  }

  @Test
  void an_entity_that_no_root_has_handed_an_event_cannot_apply() {
    var orphan =
        new EventSourcedEntity<String>() {
          @Override
          protected void when(String event) {}

          void record() {
            apply("x");
          }
        };

    assertThatIllegalStateException()
        .isThrownBy(orphan::record)
        .withMessageContaining("childEntities()");
  }

  @Test
  void a_root_that_applies_while_handling_an_event_is_refused() {
    var root = new Eager();

    assertThatIllegalStateException()
        .isThrownBy(() -> root.record("again"))
        .withMessage(
            "apply(...) called while handling java.lang.String: decide in methods, record with"
                + " apply, change state only in when");
    root.record("fine");
    assertThat(root.uncommittedEvents()).containsExactly("fine");
  }

  @Test
  void an_entity_that_applies_while_handling_an_event_is_refused() {
    var root = new Eager();
    root.children.add(new Echo());

    assertThatIllegalStateException()
        .isThrownBy(() -> root.record("echo"))
        .withMessageStartingWith("apply(...) called while handling java.lang.String");
  }

  @Test
  void applying_while_history_is_replayed_is_refused() {
    var root = new Eager();

    assertThatThrownBy(() -> root.initializeState(history("again")))
        .isInstanceOf(AggregateReplayException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage(
            "apply(...) called while handling java.lang.String: decide in methods, record with"
                + " apply, change state only in when");
  }

  @Test
  void an_entity_attached_to_a_second_root_is_refused() {
    var entity = new Echo();
    var first = new Eager();
    first.children.add(entity);
    first.record("x");
    var second = new Eager();
    second.children.add(entity);

    assertThatIllegalStateException()
        .isThrownBy(() -> second.record("y"))
        .withMessageContaining(Echo.class.getName())
        .withMessageContaining("already belongs to another aggregate root");
  }

  /** An aggregate of string events that applies "twice" when it handles "again", on purpose. */
  private static final class Eager extends EventSourcedAggregateRoot<String> {

    private final List<EventSourcedEntity<String>> children = new ArrayList<>();

    Eager() {
      super(String.class);
    }

    void record(String event) {
      apply(event);
    }

    @Override
    public String aggregateId() {
      return "e-1";
    }

    @Override
    protected void when(String event) {
      if (event.equals("again")) {
        apply("twice");
      }
    }

    @Override
    protected Collection<EventSourcedEntity<String>> childEntities() {
      return children;
    }
  }

  /** An entity that applies "echoed" when it handles "echo", on purpose. */
  private static final class Echo extends EventSourcedEntity<String> {

    @Override
    protected void when(String event) {
      if (event.equals("echo")) {
        apply("echoed");
      }
    }
  }

  private static DomainEventStream history(Object... events) {
    var messages = new ArrayList<DomainMessage>();
    for (int i = 0; i < events.length; i++) {
      messages.add(message(i, events[i]));
    }
    return DomainEventStream.of(messages);
  }

  private static DomainMessage message(long playhead, Object payload) {
    String id = payload instanceof AccountEvent e ? e.accountId() : "a-1";
    return DomainMessage.recordNow(id, playhead, Metadata.empty(), payload, CLOCK);
  }
}
