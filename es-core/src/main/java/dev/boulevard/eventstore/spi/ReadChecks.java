package dev.boulevard.eventstore.spi;

import dev.boulevard.domain.AggregateIds;

/** The checks every store makes on the arguments of its reads. */
public final class ReadChecks {

  private ReadChecks() {}

  /**
   * Checks the aggregate id and the playhead a read starts from.
   *
   * @param aggregateId the aggregate read
   * @param playhead the first playhead to read
   * @throws IllegalArgumentException if the id is blank or holds a control character, or the
   *     playhead is negative
   */
  public static void requireReadable(String aggregateId, long playhead) {
    AggregateIds.requireValid(aggregateId);
    if (playhead < 0) {
      throw new IllegalArgumentException(
          "Cannot read aggregate '" + aggregateId + "' from negative playhead " + playhead);
    }
  }

  /**
   * Checks a global position that is looked up in the log.
   *
   * @param position the position
   * @throws IllegalArgumentException if it is 0 or less, where no event is ever stored
   */
  public static void requirePositivePosition(long position) {
    if (position < 1) {
      throw new IllegalArgumentException(
          "Global positions start at 1, so no event is stored at position " + position);
    }
  }
}
