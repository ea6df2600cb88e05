package dev.boulevard.wallet.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The checks on what a wallet command carries: the user's id and the amount. */
public final class WalletInput {

  /** The largest amount that one command may add or spend. */
  public static final long MAX_AMOUNT = 1_000_000_000_000L;

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private WalletInput() {}

  /**
   * Checks a user id: 1 to 64 characters of {@code A-Z a-z 0-9 _ -}.
   *
   * @param userId the id to check
   * @throws IllegalArgumentException if it is malformed
   */
  public static void requireValidUserId(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (!USER_ID.matcher(userId).matches()) {
      throw new IllegalArgumentException(
          "A userId is 1 to 64 characters of A-Z a-z 0-9 _ -, not '"
              + (userId.length() > 80 ? userId.substring(0, 80) + "..." : userId)
              + "'");
    }
  }

  /**
   * Checks the amount of one command: 1 to {@link #MAX_AMOUNT} credits.
   *
   * @param amount the amount to check
   * @throws IllegalArgumentException naming the amount if it is out of range
   */
  public static void requireValidAmount(long amount) {
    if (amount < 1 || amount > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "An amount is 1 to " + MAX_AMOUNT + " credits, not " + amount);
    }
  }
}
