package dev.boulevard.wallet.app;

import dev.boulevard.BoulevardException;

/** A command lost the race for its wallet's next playhead on every attempt. */
public final class WalletBusyException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private WalletBusyException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@return the exception for a wallet that other writers kept changing} */
  static WalletBusyException afterAttempts(String userId, int attempts, Throwable cause) {
    return new WalletBusyException(
        "Wallet '"
            + userId
            + "' was changed by another writer during each of "
            + attempts
            + " attempts; try again",
        cause);
  }
}
