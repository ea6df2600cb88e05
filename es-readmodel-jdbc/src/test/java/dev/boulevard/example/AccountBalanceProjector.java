package dev.boulevard.example;

import dev.boulevard.example.AccountEvent.AccountOpened;
import dev.boulevard.example.AccountEvent.MoneyDeposited;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;

/** Keeps each account's balance. */
public final class AccountBalanceProjector extends Projector {

  /** Registers the handlers. */
  public AccountBalanceProjector(ReadModelRepository<AccountBalance> balances) {
    on(
        AccountOpened.class,
        (opened, message) ->
            balances.save(new AccountBalance(message.aggregateId(), opened.owner(), 0)));
    on(
        MoneyDeposited.class,
        (deposited, message) ->
            balances
                .find(message.aggregateId())
                .map(balance -> balance.plus(deposited.amount()))
                .ifPresent(balances::save));
  }
}
