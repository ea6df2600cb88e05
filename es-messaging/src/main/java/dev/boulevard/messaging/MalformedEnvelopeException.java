package dev.boulevard.messaging;

import dev.boulevard.BoulevardException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a message's body is not an envelope that this version of Boulevard reads: not JSON, a
 * field missing or of the wrong kind, or an envelope format it does not know. The message names the
 * field.
 */
public final class MalformedEnvelopeException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, naming the field
   * @param cause the underlying failure, or null
   */
  public MalformedEnvelopeException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
