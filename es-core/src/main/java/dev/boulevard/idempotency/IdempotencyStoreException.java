package dev.boulevard.idempotency;

import dev.boulevard.BoulevardException;

/**
 * Thrown when an {@link IdempotencyStore} cannot read or write its keys because its storage failed.
 */
public final class IdempotencyStoreException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what could not be done, naming the key or the table
   * @param cause the underlying failure
   */
  public IdempotencyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
