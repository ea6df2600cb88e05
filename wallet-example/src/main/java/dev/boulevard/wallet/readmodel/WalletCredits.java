package dev.boulevard.wallet.readmodel;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The credits read model of one wallet: its open lots, from which the balances are computed at
 * query time, so that a lot past its expiry is left out before its expiry is recorded.
 *
 * @param id the user's id
 * @param lots the lots that still hold credits, oldest first
 */
public record WalletCredits(String id, List<OpenLot> lots) implements ReadModel {

  /** Copies the lots. */
  public WalletCredits {
    lots = List.copyOf(lots);
  }

  /** {@return an empty wallet's credits} */
  public static WalletCredits empty(String userId) {
    return new WalletCredits(userId, List.of());
  }

  /** {@return these credits with a lot added} */
  public WalletCredits plus(OpenLot lot) {
    var next = new ArrayList<>(lots);
    next.add(lot);
    return new WalletCredits(id, next);
  }

  /** {@return these credits with the given amounts taken from the named lots; empty lots go} */
  public WalletCredits minus(List<LotTaken> taken) {
    var next = new ArrayList<OpenLot>(lots.size());
    for (OpenLot lot : lots) {
      long amount =
          taken.stream()
              .filter(t -> t.lotId().equals(lot.lotId()))
              .mapToLong(LotTaken::amount)
              .sum();
      OpenLot left = lot.minus(amount);
      if (left.remaining() > 0) {
        next.add(left);
      }
    }
    return new WalletCredits(id, next);
  }

  /** {@return the lots that can still be spent at the given instant} */
  public List<OpenLot> availableLots(Instant now) {
    return lots.stream().filter(lot -> lot.availableAt(now)).toList();
  }

  /** {@return the available balance of each kind at the given instant, every kind present} */
  public Map<CreditKind, Long> balances(Instant now) {
    var balances = new EnumMap<CreditKind, Long>(CreditKind.class);
    for (CreditKind kind : CreditKind.values()) {
      balances.put(kind, 0L);
    }
    availableLots(now).forEach(lot -> balances.merge(lot.kind(), lot.remaining(), Long::sum));
    return balances;
  }
}
