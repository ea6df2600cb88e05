package dev.boulevard;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception that Boulevard throws, so that callers can catch them all at once.
 */
public class BoulevardException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that a person can act on.
   *
   * @param message what went wrong, naming the aggregate, playhead or type concerned
   */
  protected BoulevardException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it.
   *
   * @param message what went wrong, naming the aggregate, playhead or type concerned
   * @param cause the underlying failure
   */
  protected BoulevardException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
