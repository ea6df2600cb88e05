package dev.boulevard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.repository.AggregateRepository;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandHandlerScenarioTest {

  record Open(String id) {}

  record Deposit(String id, long amount) {}

  record Withdraw(String id, long amount) {}

  record Transfer(String from, String to, long amount) {}

  record Unhandled() {}

  static final class AccountHandler extends TypedCommandHandler {
    AccountHandler(AggregateRepository<Account> accounts) {
      on(Open.class, c -> accounts.save(Account.open(c.id())));
      on(Deposit.class, c -> change(accounts, c.id(), a -> a.deposit(c.amount())));
      on(Withdraw.class, c -> change(accounts, c.id(), a -> a.withdraw(c.amount())));
      on(
          Transfer.class,
          c -> {
            change(accounts, c.from(), a -> a.withdraw(c.amount()));
            change(accounts, c.to(), a -> a.deposit(c.amount()));
          });
    }

    private static void change(
        AggregateRepository<Account> accounts,
        String id,
        java.util.function.Consumer<Account> change) {
      Account account = accounts.load(id);
      change.accept(account);
      accounts.save(account);
    }
  }

  private final CommandHandlerScenario scenario =
      CommandHandlerScenario.using(
          new InMemoryEventStore(),
          (store, bus, clock) ->
              new AccountHandler(
                  EventSourcingRepository.builder(
                          Account.class, store, AggregateFactory.of(Account::new))
                      .eventBus(bus)
                      .clock(clock)
                      .build()));

  @Test
  void checks_the_events_a_command_stores() {
    scenario
        .withAggregateId("a-1")
        .given(new Opened("a-1"), new Deposited("a-1", 10))
        .when(new Withdraw("a-1", 4))
        .then(new Withdrawn("a-1", 4))
        .when(new Deposit("a-1", 1))
        .then(new Deposited("a-1", 1));
  }

  @Test
  void checks_a_command_with_no_history() {
    scenario.when(new Open("a-9")).then(new Opened("a-9"));
  }

  @Test
  void checks_events_stored_for_several_aggregates_in_order() {
    scenario
        .withAggregateId("from")
        .given(new Opened("from"), new Deposited("from", 10))
        .withAggregateId("to")
        .given(new Opened("to"))
        .when(new Transfer("from", "to", 7))
        .then(new Withdrawn("from", 7), new Deposited("to", 7))
        .when(new Transfer("from", "to", 3))
        .then(new Withdrawn("from", 3), new Deposited("to", 3));
  }

  @Test
  void a_command_that_throws_fails_the_test_at_once_without_a_then() {
    assertThatThrownBy(() -> scenario.when(new Deposit("ghost", 1)))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining("Account 'ghost' does not exist");
  }

  @Test
  void checks_a_failing_command_that_stores_nothing() {
    scenario.whenThrows(
        new Deposit("ghost", 1),
        AggregateNotFoundException.class,
        "Account 'ghost' does not exist");
  }

  @Test
  void given_events_after_a_when_continue_the_playheads() {
    scenario
        .withAggregateId("a-1")
        .given(new Opened("a-1"))
        .when(new Deposit("a-1", 5))
        .then(new Deposited("a-1", 5))
        .given(new Deposited("a-1", 5))
        .when(new Withdraw("a-1", 10))
        .then(new Withdrawn("a-1", 10));
  }

  @Test
  void fails_an_expected_exception_when_the_failed_command_stored_events() {
    scenario.withAggregateId("from").given(new Opened("from"), new Deposited("from", 10));

    assertThatThrownBy(
            () ->
                scenario.whenThrows(
                    new Transfer("from", "ghost", 3), AggregateNotFoundException.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("stored 1 event(s) although it failed")
        .hasMessageContaining("Withdrawn[accountId=from, amount=3]")
        .hasCauseInstanceOf(AggregateNotFoundException.class);
  }

  @Test
  void given_events_after_a_failed_command_follow_what_it_stored() {
    scenario.withAggregateId("from").given(new Opened("from"), new Deposited("from", 10));
    assertThatThrownBy(() -> scenario.when(new Transfer("from", "ghost", 3)))
        .isInstanceOf(AggregateNotFoundException.class);

    scenario
        .given(new Deposited("from", 1))
        .when(new Withdraw("from", 8))
        .then(new Withdrawn("from", 8));
  }

  @Test
  void the_bus_holds_only_what_the_last_command_published() {
    scenario.when(new Open("a-1")).when(new Open("a-2"));

    assertThat(scenario.eventBus().events()).containsExactly(new Opened("a-2"));
  }

  @Test
  void fails_with_expected_and_actual_events_side_by_side() {
    scenario.withAggregateId("a-1").given(new Opened("a-1")).when(new Deposit("a-1", 5));

    assertThatThrownBy(() -> scenario.then(new Deposited("a-1", 6)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "!  1 Deposited[accountId=a-1, amount=6] | Deposited[accountId=a-1, amount=5]");
  }

  @Test
  void fails_when_the_handler_does_not_handle_the_command() {
    assertThatThrownBy(() -> scenario.when(new Unhandled()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not handle")
        .hasMessageContaining("Unhandled");
  }

  @Test
  void gives_the_handler_a_bus_that_saw_the_stored_events() {
    scenario.when(new Open("a-2")).then(new Opened("a-2"));

    assertThat(scenario.eventBus().events()).containsExactly(new Opened("a-2"));
  }
}
