package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import java.util.function.UnaryOperator;

/**
 * Adds each deposit to the tally of its key (derived from the aggregate id), with hooks a test uses
 * to throw before or after the write.
 */
final class TallyProjector extends Projector {

  /** What a test does at one event, before or after its write; it may throw. */
  interface Hook {
    Hook NONE = message -> {};

    void at(DomainMessage message);
  }

  TallyProjector(ReadModelRepository<Tally> tallies, UnaryOperator<String> key) {
    this(tallies, key, Hook.NONE, Hook.NONE);
  }

  TallyProjector(
      ReadModelRepository<Tally> tallies, UnaryOperator<String> key, Hook before, Hook after) {
    on(
        Deposited.class,
        (deposited, message) -> {
          before.at(message);
          String id = key.apply(message.aggregateId());
          tallies.save(tallies.find(id).orElseGet(() -> Tally.empty(id)).plus(deposited.amount()));
          after.at(message);
        });
  }

  /** {@return the key that groups every account of one writer: the part before the dash} */
  static String writerOf(String account) {
    int dash = account.indexOf('-');
    return dash < 0 ? account : account.substring(0, dash);
  }
}
