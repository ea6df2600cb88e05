package dev.boulevard.wallet.http;

import dev.boulevard.wallet.domain.WalletInput;
import dev.boulevard.wallet.domain.WalletLimits;

/**
 * Checks user ids: 1 to {@link WalletLimits#MAX_USER_ID_LENGTH} characters of {@code A-Z a-z 0-9 _
 * -}.
 */
final class UserIds {

  private UserIds() {}

  /** {@return the user id, if it is valid} */
  static String check(String userId) {
    if (!WalletInput.isValidUserId(userId)) {
      throw ApiException.invalidRequest(
          "userId must be 1 to "
              + WalletLimits.MAX_USER_ID_LENGTH
              + " characters of A-Z, a-z, 0-9, _ and -");
    }
    return userId;
  }
}
