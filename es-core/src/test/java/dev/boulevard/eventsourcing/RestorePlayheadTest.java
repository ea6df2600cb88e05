package dev.boulevard.eventsourcing;

import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RestorePlayheadTest {

  @Test
  void a_restored_aggregate_replays_and_records_after_the_snapshot_playhead() {
    var account = new Account();

    account.restorePlayhead(4);
    account.initializeState(DomainEventStream.of(message("a-1", 5, new Deposited("a-1", 3))));
    account.deposit(2);

    assertThat(account.playhead()).isEqualTo(6);
    assertThat(account.balance()).isEqualTo(5);
  }

  @Test
  void refuses_an_aggregate_with_history() {
    var account = new Account();
    account.initializeState(DomainEventStream.of(message("a-1", 0, new Opened("a-1"))));

    assertThatIllegalStateException()
        .isThrownBy(() -> account.restorePlayhead(4))
        .withMessageContaining("Account 'a-1'")
        .withMessageContaining("playhead 4")
        .withMessageContaining("fresh");
    assertThat(account.playhead()).isZero();
  }

  @Test
  void refuses_an_aggregate_with_uncommitted_events() {
    var account = Account.open("a-1");

    assertThatIllegalStateException().isThrownBy(() -> account.restorePlayhead(4));
    assertThat(account.playhead()).isZero();
  }

  @Test
  void refuses_a_second_restore() {
    var account = new Account();
    account.restorePlayhead(4);

    assertThatIllegalStateException().isThrownBy(() -> account.restorePlayhead(9));
    assertThat(account.playhead()).isEqualTo(4);
  }

  @Test
  void refuses_a_negative_playhead() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Account().restorePlayhead(-1))
        .withMessageContaining("-1");
  }
}
