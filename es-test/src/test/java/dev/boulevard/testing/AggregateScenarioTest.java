package dev.boulevard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AggregateScenarioTest {

  private final AggregateScenario<Account> scenario =
      AggregateScenario.forAggregate(AggregateFactory.of(Account::new)).withAggregateId("a-1");

  @Test
  void passes_when_the_action_records_the_expected_events() {
    scenario
        .given(new Opened("a-1"))
        .when(account -> account.deposit(10))
        .then(new Deposited("a-1", 10));
  }

  @Test
  void checks_how_an_aggregate_comes_into_being() {
    scenario.whenCreating(() -> Account.open("a-1")).then(new Opened("a-1"));
  }

  @Test
  void an_action_that_throws_fails_the_test_at_once_without_a_then() {
    scenario.given(new Opened("a-1"));

    assertThatThrownBy(() -> scenario.when(account -> account.withdraw(5)))
        .isInstanceOf(Account.InsufficientFunds.class)
        .hasMessageContaining("cannot pay 5");
  }

  @Test
  void a_creation_that_throws_fails_the_test_at_once_without_a_then() {
    assertThatThrownBy(
            () ->
                scenario.whenCreating(
                    () -> {
                      throw new IllegalStateException("cannot open");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot open");
  }

  @Test
  void chains_of_when_and_then_check_only_the_latest_events() {
    scenario
        .given(new Opened("a-1"), new Deposited("a-1", 10))
        .when(account -> account.withdraw(4))
        .then(new Withdrawn("a-1", 4))
        .when(account -> account.deposit(1))
        .then(new Deposited("a-1", 1))
        .when(account -> {})
        .then()
        .thenAggregate(account -> assertThat(account.balance()).isEqualTo(7));
  }

  @Test
  void passes_when_the_action_throws_the_expected_exception() {
    scenario
        .given(new Opened("a-1"))
        .whenThrows(
            account -> account.withdraw(5), Account.InsufficientFunds.class, "cannot pay 5");
  }

  @Test
  void fails_with_expected_and_actual_events_side_by_side() {
    scenario.given(new Opened("a-1")).when(account -> account.deposit(10));

    assertThatThrownBy(() -> scenario.then(new Deposited("a-1", 11), new Deposited("a-1", 1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 2 event(s), got 1")
        .hasMessageContaining(
            "!  1 Deposited[accountId=a-1, amount=11] | Deposited[accountId=a-1, amount=10]")
        .hasMessageContaining("!  2 Deposited[accountId=a-1, amount=1]  | (none)");
  }

  @Test
  void fails_when_events_are_checked_after_an_action_that_threw() {
    scenario
        .given(new Opened("a-1"))
        .whenThrows(account -> account.withdraw(5), Account.InsufficientFunds.class);

    assertThatThrownBy(() -> scenario.then(new Withdrawn("a-1", 5)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("'when' threw")
        .hasMessageContaining("cannot pay 5")
        .hasCauseInstanceOf(Account.InsufficientFunds.class);
  }

  @Test
  void fails_when_an_exception_was_expected_but_events_were_recorded() {
    scenario.given(new Opened("a-1"));

    assertThatThrownBy(
            () ->
                scenario.whenThrows(account -> account.deposit(3), IllegalArgumentException.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 'when' to throw java.lang.IllegalArgumentException")
        .hasMessageContaining("Deposited[accountId=a-1, amount=3]");
  }

  @Test
  void fails_when_another_exception_was_thrown() {
    scenario.given(new Opened("a-1"));

    assertThatThrownBy(
            () ->
                scenario.whenThrows(
                    account -> account.deposit(-1), Account.InsufficientFunds.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it threw java.lang.IllegalArgumentException");
  }

  @Test
  void fails_when_the_message_does_not_contain_the_expected_text() {
    scenario.given(new Opened("a-1"));

    assertThatThrownBy(
            () ->
                scenario.whenThrows(
                    account -> account.withdraw(5), Account.InsufficientFunds.class, "overdrawn"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain \"overdrawn\"");
  }

  @Test
  void fails_when_nothing_was_expected_but_something_was_recorded() {
    scenario.given(new Opened("a-1")).when(account -> account.deposit(2));

    assertThatThrownBy(scenario::then)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 0 event(s), got 1");
  }

  @Test
  void events_applied_by_a_failed_action_do_not_show_up_in_the_next_then() {
    scenario
        .given(new Opened("a-1"))
        .whenThrows(
            account -> {
              account.deposit(1);
              account.withdraw(100);
            },
            Account.InsufficientFunds.class)
        .when(account -> account.deposit(2))
        .then(new Deposited("a-1", 2));
  }

  @Test
  void fails_to_check_the_aggregate_before_there_is_one() {
    assertThatThrownBy(() -> scenario.thenAggregate(account -> {}))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("There is no aggregate to check")
        .hasNoCause();
  }

  @Test
  void refuses_then_before_when_and_when_without_an_aggregate() {
    assertThatIllegalStateException().isThrownBy(scenario::then);
    assertThatIllegalStateException().isThrownBy(() -> scenario.when(account -> {}));
  }

  @Test
  void stamps_given_events_with_its_fixed_clock() {
    assertThat(scenario.clock().instant()).isEqualTo(TestClock.DEFAULT_START);
  }
}
