package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.EventStoreException;

/**
 * Thrown when a stored row cannot be read back through the current serializer and upcasters: a
 * corrupt payload, a type name nobody registered, a version no upcaster reads.
 */
public final class UnreadableEventException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final StoredRow row;

  private UnreadableEventException(StoredRow row, Throwable cause) {
    super(
        "Cannot read the event at playhead "
            + row.playhead()
            + " of aggregate '"
            + row.aggregateId()
            + "', stored as type '"
            + row.type()
            + "' version "
            + row.version()
            + " at position "
            + row.position()
            + ": "
            + cause.getMessage(),
        cause);
    this.row = row;
  }

  /**
   * Reports a stored row that cannot be read.
   *
   * @param row where the row is and what it says it holds
   * @param cause why it cannot be read
   * @return the exception
   */
  public static UnreadableEventException of(StoredRow row, Throwable cause) {
    return new UnreadableEventException(row, cause);
  }

  /** {@return where the row is and what it says it holds} */
  public StoredRow row() {
    return row;
  }

  /**
   * Where an unreadable row is stored and what it says it holds.
   *
   * @param position the row's global position
   * @param aggregateId the aggregate it belongs to
   * @param playhead its playhead
   * @param type its stored type name
   * @param version its stored version
   */
  public record StoredRow(
      long position, String aggregateId, long playhead, String type, int version)
      implements java.io.Serializable {}
}
