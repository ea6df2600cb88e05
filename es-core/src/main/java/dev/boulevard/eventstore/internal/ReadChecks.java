package dev.boulevard.eventstore.internal;

import java.util.Objects;

/** The checks every store makes on the arguments of a read of one aggregate's events. */
public final class ReadChecks {

  private ReadChecks() {}

  /**
   * Checks the aggregate id and the playhead a read starts from.
   *
   * @param aggregateId the aggregate read
   * @param playhead the first playhead to read
   * @throws IllegalArgumentException if the playhead is negative
   */
  public static void requireReadable(String aggregateId, long playhead) {
    Objects.requireNonNull(aggregateId, "aggregateId");
    if (playhead < 0) {
      throw new IllegalArgumentException(
          "Cannot read aggregate '" + aggregateId + "' from negative playhead " + playhead);
    }
  }
}
