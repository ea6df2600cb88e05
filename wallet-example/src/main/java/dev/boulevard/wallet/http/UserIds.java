package dev.boulevard.wallet.http;

import java.util.regex.Pattern;

/** Checks user ids: 1 to 64 characters of {@code A-Z a-z 0-9 _ -}. */
final class UserIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private UserIds() {}

  /** {@return the user id, if it is valid} */
  static String check(String userId) {
    if (!VALID.matcher(userId).matches()) {
      throw ApiException.invalidRequest(
          "userId must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
    }
    return userId;
  }
}
