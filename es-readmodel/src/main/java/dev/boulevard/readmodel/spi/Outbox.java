package dev.boulevard.readmodel.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where process managers' commands wait to be delivered: written in the transaction of the batch
 * that decided them, read by the dispatcher by due instant.
 *
 * <p>A {@link dev.boulevard.readmodel.ReadModelStorage} supplies one; writes join the storage's
 * transaction on the calling thread where the storage has transactions. Implementations are
 * thread-safe.
 */
public interface Outbox {

  /** Adds an entry, in the storage's current transaction; its id and attempts are ignored. */
  void add(OutboxEntry entry);

  /** Removes the pending (not kept) entries of one process under a key, in the same transaction. */
  void removeKey(String process, String correlation, String key);

  /**
   * {@return at most {@code limit} pending entries due at or before an instant, oldest due first}
   */
  List<OutboxEntry> due(Instant now, int limit);

  /**
   * Claims a due entry for delivery by moving its due instant to the end of a lease.
   *
   * @return false if it is gone or another dispatcher claimed it since it was read
   */
  boolean claim(OutboxEntry entry, Instant leaseUntil);

  /** Removes a delivered entry. */
  void delivered(long id);

  /** Records a failed attempt and when to try again. */
  void retryLater(long id, int attempts, Instant dueAt, String error);

  /** Records the last failed attempt: the entry is kept, and no longer delivered. */
  void keep(long id, int attempts, String error);

  /** {@return the pending entries, oldest due first} */
  List<OutboxEntry> pending();

  /**
   * Counts the pending entries, for metrics; stores override it with a cheaper count.
   *
   * @return how many entries are pending
   */
  default long depth() {
    return pending().size();
  }

  /** {@return the kept entries, by id} */
  List<OutboxEntry> kept();

  /**
   * Makes a kept entry pending again, due at an instant, with its attempts counted from 0.
   *
   * @return false if there is no kept entry with that id
   */
  boolean release(long id, Instant dueAt);

  /**
   * Checks that a due instant can be kept by every outbox: as microseconds since the epoch.
   *
   * @param dueAt the instant
   * @return the instant, unchanged
   * @throws ArithmeticException if it is too far from the epoch to count in microseconds
   */
  static Instant requireStorable(Instant dueAt) {
    ChronoUnit.MICROS.between(Instant.EPOCH, dueAt);
    return dueAt;
  }

  /** {@return an error message cut to what the outbox keeps} */
  static String clip(String text) {
    if (text.length() <= 2000) {
      return text;
    }
    int end = 1999;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never half a character: MariaDB refuses a lone surrogate
    }
    return text.substring(0, end) + "…";
  }
}
