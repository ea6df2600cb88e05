package dev.boulevard.wallet.loyalty;

import dev.boulevard.readmodel.ReadModel;

/**
 * What the loyalty service knows of one user: credits bought, given and used, and the points that
 * bought credits earn (one per 100).
 *
 * @param id the user's id, which is the wallet's
 * @param paid WALLET credits added: bought
 * @param bonus BONUS credits added
 * @param refund REFUND credits added
 * @param spent credits spent, of any kind
 * @param expired credits that expired, of any kind
 * @param points one per 100 credits bought
 * @param events how many of the user's events the service applied
 */
public record LoyaltyAccount(
    String id,
    long paid,
    long bonus,
    long refund,
    long spent,
    long expired,
    long points,
    long events)
    implements ReadModel {

  /** Credits bought that earn one point. */
  public static final long CREDITS_PER_POINT = 100;

  static LoyaltyAccount empty(String id) {
    return new LoyaltyAccount(id, 0, 0, 0, 0, 0, 0, 0);
  }

  LoyaltyAccount added(long paidAdded, long bonusAdded, long refundAdded) {
    long newPaid = paid + paidAdded;
    return new LoyaltyAccount(
        id,
        newPaid,
        bonus + bonusAdded,
        refund + refundAdded,
        spent,
        expired,
        newPaid / CREDITS_PER_POINT,
        events + 1);
  }

  LoyaltyAccount subtracted(long amount, boolean expiry) {
    return new LoyaltyAccount(
        id,
        paid,
        bonus,
        refund,
        expiry ? spent : spent + amount,
        expiry ? expired + amount : expired,
        points,
        events + 1);
  }
}
