package dev.boulevard.wallet.readmodel;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.util.List;

/**
 * Keeps each wallet's open lots: an addition opens a lot, a subtraction takes from the named lots.
 */
public final class CreditsProjector extends Projector {

  private final ReadModelRepository<WalletCredits> credits;

  /** Creates a projector that writes to the given read model. */
  public CreditsProjector(ReadModelRepository<WalletCredits> credits) {
    this.credits = credits;
    on(
        WalletCreditsAdded.class,
        (e, m) -> add(m, new OpenLot(e.lotId(), CreditKind.WALLET, e.amount(), e.addedAt(), null)));
    on(
        BonusCreditsAdded.class,
        (e, m) ->
            add(
                m,
                new OpenLot(e.lotId(), CreditKind.BONUS, e.amount(), e.addedAt(), e.expiresAt())));
    on(
        RefundCreditsAdded.class,
        (e, m) ->
            add(
                m,
                new OpenLot(e.lotId(), CreditKind.REFUND, e.amount(), e.addedAt(), e.expiresAt())));
    on(WalletCreditsSubtracted.class, (e, m) -> take(m, e.lots()));
    on(BonusCreditsSubtracted.class, (e, m) -> take(m, e.lots()));
    on(RefundCreditsSubtracted.class, (e, m) -> take(m, e.lots()));
  }

  private void add(DomainMessage message, OpenLot lot) {
    String userId = message.aggregateId();
    credits.save(credits.find(userId).orElseGet(() -> WalletCredits.empty(userId)).plus(lot));
  }

  private void take(DomainMessage message, List<LotTaken> taken) {
    String userId = message.aggregateId();
    credits.save(credits.find(userId).orElseGet(() -> WalletCredits.empty(userId)).minus(taken));
  }
}
