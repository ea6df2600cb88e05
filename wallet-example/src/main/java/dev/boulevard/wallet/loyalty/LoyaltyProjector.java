package dev.boulevard.wallet.loyalty;

import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.wallet.domain.WalletEvent;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.Reason;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.util.function.UnaryOperator;

/** Keeps each user's {@link LoyaltyAccount} from the wallet's published events. */
final class LoyaltyProjector extends Projector {

  private final ReadModelRepository<LoyaltyAccount> accounts;

  LoyaltyProjector(ReadModelRepository<LoyaltyAccount> accounts) {
    this.accounts = accounts;
    on(WalletCreditsAdded.class, e -> update(e, a -> a.added(e.amount(), 0, 0)));
    on(BonusCreditsAdded.class, e -> update(e, a -> a.added(0, e.amount(), 0)));
    on(RefundCreditsAdded.class, e -> update(e, a -> a.added(0, 0, e.amount())));
    on(WalletCreditsSubtracted.class, e -> subtract(e, e.amount(), e.reason()));
    on(BonusCreditsSubtracted.class, e -> subtract(e, e.amount(), e.reason()));
    on(RefundCreditsSubtracted.class, e -> subtract(e, e.amount(), e.reason()));
  }

  private void subtract(WalletEvent event, long amount, Reason reason) {
    update(event, a -> a.subtracted(amount, reason == Reason.EXPIRED));
  }

  private void update(WalletEvent event, UnaryOperator<LoyaltyAccount> change) {
    LoyaltyAccount account =
        accounts.find(event.userId()).orElseGet(() -> LoyaltyAccount.empty(event.userId()));
    accounts.save(change.apply(account));
  }
}
