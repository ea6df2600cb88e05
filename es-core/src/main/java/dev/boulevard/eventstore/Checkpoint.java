package dev.boulevard.eventstore;

import java.util.Comparator;

/**
 * A place in the global log that a reader resumes from: everything up to and including it has been
 * read.
 *
 * <p>The log is ordered by commit order first and global position second. A store that serializes
 * its appends commits in position order, so its commit order is the position itself. A store whose
 * appends commit concurrently (PostgreSQL) orders by the writing transaction, so that an event that
 * commits late with a low position is still read, and read once. Readers store checkpoints as they
 * are and never make them up, except {@link #beginning()}.
 *
 * @param commitOrder the store's commit-order key of the last event read, 0 before the first
 * @param position the global position of the last event read, 0 before the first
 */
public record Checkpoint(long commitOrder, long position) implements Comparable<Checkpoint> {

  private static final Checkpoint BEGINNING = new Checkpoint(0, 0);
  private static final Comparator<Checkpoint> ORDER =
      Comparator.comparingLong(Checkpoint::commitOrder).thenComparingLong(Checkpoint::position);

  /** Rejects negative values. */
  public Checkpoint {
    if (commitOrder < 0 || position < 0) {
      throw new IllegalArgumentException(
          "A checkpoint's commit order and position are 0 or more, got ("
              + commitOrder
              + ", "
              + position
              + ")");
    }
  }

  /** {@return the checkpoint before the first event of the log} */
  public static Checkpoint beginning() {
    return BEGINNING;
  }

  /** {@return the checkpoint of an event in a store that commits in position order} */
  public static Checkpoint atPosition(long position) {
    return new Checkpoint(position, position);
  }

  /** {@return whether this checkpoint comes after the other in the log's order} */
  public boolean isAfter(Checkpoint other) {
    return compareTo(other) > 0;
  }

  /** Orders checkpoints as the log orders its events: by commit order, then by position. */
  @Override
  public int compareTo(Checkpoint other) {
    return ORDER.compare(this, other);
  }
}
