package dev.boulevard.benchmarks;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import java.util.function.Consumer;

/** Adds each deposit to its account's balance: one find and one save per event. */
final class BalanceProjector extends Projector {

  BalanceProjector(ReadModelRepository<Balance> balances, Consumer<DomainMessage> seen) {
    on(
        Deposited.class,
        (deposited, message) -> {
          String id = deposited.account();
          balances.save(
              balances
                  .find(id)
                  .map(balance -> balance.plus(deposited.amount()))
                  .orElseGet(() -> new Balance(id, deposited.amount(), 1)));
          seen.accept(message);
        });
  }
}
