package dev.boulevard.readmodel.projection;

import dev.boulevard.BoulevardException;
import java.util.Objects;

/**
 * Thrown by an {@link EventSink} for an event that it can never deliver, such as one that cannot be
 * encoded or that the receiver refuses: the sink projection parks at that event once its retries
 * are spent, like a projection whose projector keeps failing.
 */
public final class RefusedEventException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * Creates the exception.
   *
   * @param index the refused event's index in the list handed to the sink; those before it were
   *     delivered
   * @param reason what was wrong, for the park's report
   * @param cause the underlying failure, or null
   * @throws IllegalArgumentException if the index is negative
   */
  public RefusedEventException(int index, String reason, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason"), cause);
    if (index < 0) {
      throw new IllegalArgumentException("A refused event's index is 0 or more, not " + index);
    }
    this.index = index;
  }

  /** {@return the refused event's index in the list handed to the sink} */
  public int index() {
    return index;
  }
}
