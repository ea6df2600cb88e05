package dev.boulevard.snapshotting;

import dev.boulevard.BoulevardException;

/** Thrown when a stored snapshot's state cannot be read as the class its aggregate expects. */
public final class UnreadableSnapshotException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private UnreadableSnapshotException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception for a stored state that does not read as the expected class.
   *
   * @param snapshot the stored snapshot
   * @param stateType the class its state was read as
   * @param cause why it could not be read
   * @return the exception
   */
  public static UnreadableSnapshotException dueTo(
      StoredSnapshot snapshot, Class<?> stateType, Throwable cause) {
    return new UnreadableSnapshotException(
        "Cannot read the snapshot of aggregate '"
            + snapshot.aggregateId()
            + "' at playhead "
            + snapshot.playhead()
            + ", state format version "
            + snapshot.version()
            + ", as a "
            + stateType.getName()
            + ": "
            + cause.getMessage(),
        cause);
  }
}
