package dev.boulevard.wallet.process;

import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The state of one wallet's expiry process: its lots that expire and still hold credits, soonest
 * expiring first.
 *
 * @param userId the wallet's user
 * @param lots the lots, soonest expiring first
 */
public record ExpiringLots(String userId, List<ExpiringLot> lots) {

  private static final Comparator<ExpiringLot> BY_EXPIRY =
      Comparator.comparing(ExpiringLot::expiresAt).thenComparing(ExpiringLot::lotId);

  /** Copies the lots, soonest expiring first. */
  public ExpiringLots {
    lots = lots.stream().sorted(BY_EXPIRY).toList();
  }

  /** {@return the state of a wallet with no expiring lots} */
  static ExpiringLots none(String userId) {
    return new ExpiringLots(userId, List.of());
  }

  /** {@return these lots and one more} */
  ExpiringLots with(ExpiringLot lot) {
    var more = new ArrayList<>(lots);
    more.add(lot);
    return new ExpiringLots(userId, more);
  }

  /** {@return these lots less what was taken from them; emptied lots are dropped} */
  ExpiringLots minus(List<LotTaken> taken) {
    var left = new ArrayList<ExpiringLot>();
    for (ExpiringLot lot : lots) {
      long amount =
          taken.stream()
              .filter(t -> t.lotId().equals(lot.lotId()))
              .mapToLong(LotTaken::amount)
              .sum();
      if (lot.remaining() > amount) {
        left.add(new ExpiringLot(lot.lotId(), lot.remaining() - amount, lot.expiresAt()));
      }
    }
    return new ExpiringLots(userId, left);
  }

  /** {@return when the next lot expires, or empty if none is left} */
  Optional<Instant> nextExpiry() {
    return lots.stream().findFirst().map(ExpiringLot::expiresAt);
  }
}
