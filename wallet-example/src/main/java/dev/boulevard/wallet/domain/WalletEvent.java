package dev.boulevard.wallet.domain;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a wallet: six events, as in the talk. Events record facts, not the rules that
 * produced them: each subtraction names the lots it took from and how much from each, so that an
 * old history replays to the same balances under newer rules.
 */
public sealed interface WalletEvent {

  /** {@return the id of the user whose wallet it is} */
  String userId();

  /** A WALLET lot was added; it never expires. */
  record WalletCreditsAdded(String userId, String lotId, long amount, Instant addedAt)
      implements WalletEvent {}

  /** A BONUS lot was added. */
  record BonusCreditsAdded(
      String userId, String lotId, long amount, Instant addedAt, Instant expiresAt)
      implements WalletEvent {}

  /** A REFUND lot was added. */
  record RefundCreditsAdded(
      String userId, String lotId, long amount, Instant addedAt, Instant expiresAt)
      implements WalletEvent {}

  /** WALLET credits were spent or expired, taken from the named lots. */
  record WalletCreditsSubtracted(String userId, Reason reason, long amount, List<LotTaken> lots)
      implements WalletEvent {}

  /** BONUS credits were spent or expired, taken from the named lots. */
  record BonusCreditsSubtracted(String userId, Reason reason, long amount, List<LotTaken> lots)
      implements WalletEvent {}

  /** REFUND credits were spent or expired, taken from the named lots. */
  record RefundCreditsSubtracted(String userId, Reason reason, long amount, List<LotTaken> lots)
      implements WalletEvent {}

  /** Why credits were subtracted. */
  enum Reason {
    /** A spend command took them. */
    SPENT,
    /** Their lot expired. */
    EXPIRED
  }

  /**
   * How much a subtraction took from one lot.
   *
   * @param lotId the lot
   * @param amount how much
   */
  record LotTaken(String lotId, long amount) {}
}
