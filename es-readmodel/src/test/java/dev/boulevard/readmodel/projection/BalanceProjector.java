package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import java.util.List;
import java.util.function.Predicate;

/** Adds each deposit to its account's balance; fails on the messages a test picks. */
final class BalanceProjector extends Projector {

  BalanceProjector(ReadModelRepository<Balance> balances, Predicate<DomainMessage> failOn) {
    on(
        Deposited.class,
        (deposited, message) -> {
          if (failOn.test(message)) {
            throw new IllegalStateException(
                "Refusing " + message.aggregateId() + "@" + message.playhead());
          }
          Balance balance =
              balances
                  .find(message.aggregateId())
                  .orElseGet(() -> new Balance(message.aggregateId(), 0, List.of()));
          balances.save(balance.plus(deposited.amount(), message.playhead()));
        });
  }
}
