package dev.boulevard.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventhandling.SimpleEventBus;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.example.AccountEvent.AccountOpened;
import dev.boulevard.example.AccountEvent.MoneyDeposited;
import dev.boulevard.example.AccountEvent.MoneyWithdrawn;
import dev.boulevard.example.BankAccountHandler.Deposit;
import dev.boulevard.example.BankAccountHandler.OpenAccount;
import dev.boulevard.example.BankAccountHandler.Withdraw;
import dev.boulevard.testing.CommandHandlerScenario;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The README's example, word for word, so that it keeps compiling and passing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadmeExampleTest {

  @Test
  void wiring_it_together() {
    var eventStore = new InMemoryEventStore();
    var eventBus = new SimpleEventBus();
    var accounts =
        EventSourcingRepository.builder(
                BankAccount.class, eventStore, AggregateFactory.of(BankAccount::new))
            .eventBus(eventBus)
            .build();
    var commandBus = new SimpleCommandBus();
    commandBus.subscribe(new BankAccountHandler(accounts));

    commandBus.dispatch(new OpenAccount("acc-1"));
    DispatchResult deposited = commandBus.dispatch(new Deposit("acc-1", 100));
    deposited.lastOf("acc-1").orElseThrow().lastPlayhead(); // 1: what the deposit stored

    assertThat(deposited.lastOf("acc-1").orElseThrow().lastPlayhead()).isEqualTo(1);
    assertThat(eventStore.load("acc-1").payloads())
        .containsExactly(new AccountOpened("acc-1"), new MoneyDeposited("acc-1", 100));
  }

  @Test
  void a_deposit_is_recorded() {
    scenario()
        .withAggregateId("acc-1")
        .given(new AccountOpened("acc-1"))
        .when(new Deposit("acc-1", 100))
        .then(new MoneyDeposited("acc-1", 100));
  }

  @Test
  void a_withdrawal_needs_funds() {
    CommandHandlerScenario.using(
            new InMemoryEventStore(),
            (store, bus, clock) ->
                new BankAccountHandler(
                    EventSourcingRepository.builder(
                            BankAccount.class, store, AggregateFactory.of(BankAccount::new))
                        .eventBus(bus)
                        .clock(clock)
                        .build()))
        .withAggregateId("acc-1")
        .given(new AccountOpened("acc-1"), new MoneyDeposited("acc-1", 100))
        .when(new Withdraw("acc-1", 30))
        .then(new MoneyWithdrawn("acc-1", 30))
        .whenThrows(new Withdraw("acc-1", 80), IllegalStateException.class, "insufficient funds");
  }

  private static CommandHandlerScenario scenario() {
    return CommandHandlerScenario.using(
        new InMemoryEventStore(),
        (store, bus, clock) ->
            new BankAccountHandler(
                EventSourcingRepository.builder(
                        BankAccount.class, store, AggregateFactory.of(BankAccount::new))
                    .eventBus(bus)
                    .clock(clock)
                    .build()));
  }
}
