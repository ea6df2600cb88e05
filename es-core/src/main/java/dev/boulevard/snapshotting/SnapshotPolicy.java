package dev.boulevard.snapshotting;

/**
 * Decides when a {@link SnapshottingRepository} takes a snapshot of an aggregate.
 *
 * <p>It is asked after each save that stored events, and after each load that had to replay the
 * whole history (there was no usable snapshot), as if that history had just been added. For
 * example, a policy that snapshots large wallets more often:
 *
 * <pre>{@code
 * SnapshotPolicy<Wallet> policy =
 *     (wallet, before, added) -> before / 50 != (before + added) / 50 || wallet.lotCount() > 1_000;
 * }</pre>
 *
 * @param <A> the aggregate's type
 */
@FunctionalInterface
public interface SnapshotPolicy<A> {

  /**
   * Decides whether to snapshot the aggregate now.
   *
   * @param aggregate the aggregate, with every event stored
   * @param eventsBefore how many events it had before those just added
   * @param eventsAdded how many events were just added, 1 or more
   * @return whether to take a snapshot
   */
  boolean shouldSnapshot(A aggregate, long eventsBefore, int eventsAdded);

  /**
   * {@return a policy that takes a snapshot each time the aggregate's event count passes a multiple
   * of n}
   *
   * @param n the number of events between snapshots, 1 or more
   * @param <A> the aggregate's type
   * @throws IllegalArgumentException if n is less than 1
   */
  static <A> SnapshotPolicy<A> everyEvents(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("A snapshot is taken every 1 or more events, not " + n);
    }
    return (aggregate, before, added) -> before / n != (before + added) / n;
  }
}
