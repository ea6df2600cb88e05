package dev.boulevard.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Replaying a stored event that an upcaster split into pieces that share its playhead. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SplitEventReplayTest {

  @Test
  void consecutive_pieces_with_one_playhead_replay_and_leave_that_playhead() {
    var account = new Account();

    account.initializeState(
        DomainEventStream.of(
            message(0, new Opened("a-1")),
            message(1, new Deposited("a-1", 10)),
            message(1, new Withdrawn("a-1", 3)),
            message(2, new Deposited("a-1", 5))));

    assertThat(account.balance()).isEqualTo(12);
    assertThat(account.playhead()).isEqualTo(2);
  }

  @Test
  void new_events_after_a_split_event_continue_after_its_playhead() {
    var account = new Account();
    account.initializeState(
        DomainEventStream.of(
            message(0, new Opened("a-1")),
            message(0, new Deposited("a-1", 10)),
            message(0, new Deposited("a-1", 1))));

    account.deposit(1);

    assertThat(account.playhead()).isEqualTo(1);
    assertThat(account.balance()).isEqualTo(12);
  }

  @Test
  void a_history_that_repeats_the_playhead_an_earlier_replay_ended_on_is_refused() {
    var account = new Account();
    account.initializeState(DomainEventStream.of(message(0, new Opened("a-1"))));

    assertThatThrownBy(
            () ->
                account.initializeState(DomainEventStream.of(message(0, new Deposited("a-1", 1)))))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("playhead 0")
        .hasMessageContaining("expected playhead 1");
  }

  @Test
  void a_playhead_that_goes_back_is_still_refused() {
    var history =
        DomainEventStream.of(
            message(0, new Opened("a-1")),
            message(1, new Deposited("a-1", 10)),
            message(0, new Deposited("a-1", 1)));

    assertThatThrownBy(() -> new Account().initializeState(history))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("playhead 0")
        .hasMessageContaining("expected playhead 2");
  }

  @Test
  void a_history_of_a_new_aggregate_still_starts_at_playhead_zero() {
    var history = DomainEventStream.of(message(1, new Opened("a-1")));

    assertThatThrownBy(() -> new Account().initializeState(history))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("expected playhead 0");
  }

  private static DomainMessage message(long playhead, Object payload) {
    return new DomainMessage(
        UUID.randomUUID(),
        "a-1",
        playhead,
        Metadata.empty(),
        payload,
        Instant.parse("2026-01-01T00:00:00Z"));
  }
}
