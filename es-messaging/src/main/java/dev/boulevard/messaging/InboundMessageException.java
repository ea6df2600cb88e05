package dev.boulevard.messaging;

import dev.boulevard.BoulevardException;

/**
 * Thrown when an {@link InboundProjection} cannot apply a message: its body is not an envelope, its
 * type is unknown, or the projector failed on it. Nothing of its batch was applied (on a
 * transactional storage); the broker delivers it again, and the message names the source, offset
 * and event.
 */
public final class InboundMessageException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param message what happened, naming the source, offset and event
   * @param source the source the message came from
   * @param offset its offset there
   * @param cause the underlying failure
   */
  public InboundMessageException(String message, String source, long offset, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.offset = offset;
  }

  /** {@return the source the message came from} */
  public String source() {
    return source;
  }

  /** {@return the message's offset in its source} */
  public long offset() {
    return offset;
  }
}
