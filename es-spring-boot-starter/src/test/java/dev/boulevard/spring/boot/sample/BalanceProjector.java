package dev.boulevard.spring.boot.sample;

import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.spring.boot.sample.AccountEvent.AccountOpened;
import dev.boulevard.spring.boot.sample.AccountEvent.MoneyDeposited;

/** Keeps each account's balance; refuses an account without an owner, which parks it. */
public final class BalanceProjector extends Projector {

  /** Registers the handlers on the balances. */
  public BalanceProjector(ReadModelRepository<Balance> balances) {
    on(
        AccountOpened.class,
        opened -> {
          if (opened.owner().isBlank()) {
            throw new IllegalStateException("Account " + opened.accountId() + " has no owner");
          }
          balances.save(new Balance(opened.accountId(), opened.owner(), 0));
        });
    on(
        MoneyDeposited.class,
        deposited ->
            balances
                .find(deposited.accountId())
                .ifPresent(balance -> balances.save(balance.plus(deposited.amount()))));
  }
}
