package dev.boulevard.consumercheck;

import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;

/** Adds each deposit to its account's balance. */
public final class BalanceProjector extends Projector {

  /**
   * Creates the projector.
   *
   * @param balances where the balances are kept
   */
  public BalanceProjector(ReadModelRepository<Balance> balances) {
    on(
        Deposited.class,
        (deposited, message) -> {
          long before = balances.find(message.aggregateId()).map(Balance::amount).orElse(0L);
          balances.save(new Balance(message.aggregateId(), before + deposited.amount()));
        });
  }
}
