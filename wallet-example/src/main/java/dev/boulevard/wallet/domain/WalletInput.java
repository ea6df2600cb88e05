package dev.boulevard.wallet.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The checks on what a wallet command carries: the user's id and the amount. */
public final class WalletInput {

  private static final Pattern USER_ID =
      Pattern.compile("[A-Za-z0-9_-]{1," + WalletLimits.MAX_USER_ID_LENGTH + "}");

  private WalletInput() {}

  /**
   * {@return whether a user id is 1 to {@link WalletLimits#MAX_USER_ID_LENGTH} characters of {@code
   * A-Z a-z 0-9 _ -}}
   *
   * @param userId the id to check
   */
  public static boolean isValidUserId(String userId) {
    return USER_ID.matcher(userId).matches();
  }

  /**
   * Checks a user id: 1 to {@link WalletLimits#MAX_USER_ID_LENGTH} characters of {@code A-Z a-z 0-9
   * _ -}.
   *
   * @param userId the id to check
   * @throws IllegalArgumentException if it is malformed
   */
  public static void requireValidUserId(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (!isValidUserId(userId)) {
      int quoted = WalletLimits.MAX_QUOTED_INPUT;
      throw new IllegalArgumentException(
          "A userId is 1 to "
              + WalletLimits.MAX_USER_ID_LENGTH
              + " characters of A-Z a-z 0-9 _ -, not '"
              + (userId.length() > quoted ? userId.substring(0, quoted) + "..." : userId)
              + "'");
    }
  }

  /**
   * Checks the amount of one command: {@link WalletLimits#MIN_AMOUNT} to {@link
   * WalletLimits#MAX_AMOUNT} credits.
   *
   * @param amount the amount to check
   * @throws IllegalArgumentException naming the amount if it is out of range
   */
  public static void requireValidAmount(long amount) {
    if (amount < WalletLimits.MIN_AMOUNT || amount > WalletLimits.MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "An amount is "
              + WalletLimits.MIN_AMOUNT
              + " to "
              + WalletLimits.MAX_AMOUNT
              + " credits, not "
              + amount);
    }
  }
}
