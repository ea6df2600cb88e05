package dev.boulevard.wallet.domain;

/** The commands a wallet takes: seven, as in the talk, plus expiry. */
public sealed interface WalletCommand {

  /** {@return the id of the user whose wallet the command is for} */
  String userId();

  /** Adds a WALLET lot, creating the wallet if it does not exist. */
  record AddWalletCredits(String userId, long amount) implements WalletCommand {}

  /** Adds a BONUS lot, expiring in 90 days. */
  record AddBonusCredits(String userId, long amount) implements WalletCommand {}

  /** Adds a REFUND lot, expiring in 90 days. */
  record AddRefundCredits(String userId, long amount) implements WalletCommand {}

  /** Spends WALLET credits only. */
  record SubWalletCredits(String userId, long amount) implements WalletCommand {}

  /** Spends BONUS credits only. */
  record SubBonusCredits(String userId, long amount) implements WalletCommand {}

  /** Spends REFUND credits only. */
  record SubRefundCredits(String userId, long amount) implements WalletCommand {}

  /** Spends across kinds: BONUS first, then REFUND, then WALLET. */
  record SubCredits(String userId, long amount) implements WalletCommand {}

  /**
   * Records the expiry of every lot whose expiry instant has passed and that still holds credits.
   */
  record ExpireCredits(String userId) implements WalletCommand {}
}
