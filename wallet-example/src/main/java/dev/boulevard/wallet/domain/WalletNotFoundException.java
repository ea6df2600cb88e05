package dev.boulevard.wallet.domain;

/** Thrown when a command that needs an existing wallet names a user who has none. */
public final class WalletNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String userId;

  private WalletNotFoundException(String userId) {
    super("Wallet not found: user '" + userId + "' has no wallet");
    this.userId = userId;
  }

  /**
   * Creates the exception for a user without a wallet.
   *
   * @param userId the user's id
   * @return the exception
   */
  public static WalletNotFoundException forUser(String userId) {
    return new WalletNotFoundException(userId);
  }

  /** {@return the id of the user who has no wallet} */
  public String userId() {
    return userId;
  }
}
