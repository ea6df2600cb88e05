package dev.boulevard.messaging;

import dev.boulevard.BoulevardException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link MessageTransport} when the broker refuses one envelope for good, such as one
 * larger than the broker takes: the publication parks at that event, to be resumed or skipped.
 */
public final class RefusedMessageException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * Creates the exception.
   *
   * @param index the refused envelope's index in the list handed to {@link MessageTransport#send};
   *     those before it were acknowledged
   * @param reason what the broker said
   * @param cause the underlying failure, or null
   * @throws IllegalArgumentException if the index is negative
   */
  public RefusedMessageException(int index, String reason, @Nullable Throwable cause) {
    super(reason, cause);
    if (index < 0) {
      throw new IllegalArgumentException("A refused envelope's index is 0 or more, not " + index);
    }
    this.index = index;
  }

  /** {@return the refused envelope's index in the list handed to the transport} */
  public int index() {
    return index;
  }
}
