package dev.boulevard.idempotency;

import dev.boulevard.BoulevardException;
import dev.boulevard.commandhandling.IdempotencyKey;

/**
 * Thrown when an idempotency key that a committed dispatch holds comes with another command: a
 * different type or different fields. Nothing is stored.
 */
public final class IdempotencyKeyReusedException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private final transient IdempotencyKey key;

  private IdempotencyKeyReusedException(IdempotencyKey key, String commandType) {
    super(
        "The idempotency key "
            + key
            + " was used for another command before; this "
            + commandType
            + " differs from it in type or fields. Send a new command with a new key.");
    this.key = key;
  }

  static IdempotencyKeyReusedException forKey(IdempotencyKey key, Object command) {
    return new IdempotencyKeyReusedException(key, command.getClass().getSimpleName());
  }

  /** {@return the key that was reused} */
  public IdempotencyKey key() {
    return key;
  }
}
