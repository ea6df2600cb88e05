package dev.boulevard.example;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.testing.AggregateScenario;
import org.junit.jupiter.api.Test;

class AccountTest {

  private final AggregateScenario<Account> scenario =
      AggregateScenario.forAggregate(AggregateFactory.of(Account::new)).withAggregateId("a-1");

  @Test
  void a_deposit_is_recorded() {
    scenario
        .given(new Opened("a-1"))
        .when(account -> account.deposit(10))
        .then(new Deposited("a-1", 10))
        .whenThrows(account -> account.withdraw(50), Account.InsufficientFunds.class);
  }

  @Test
  void an_account_is_opened() {
    scenario.whenCreating(() -> Account.open("a-1")).then(new Opened("a-1"));
  }
}
