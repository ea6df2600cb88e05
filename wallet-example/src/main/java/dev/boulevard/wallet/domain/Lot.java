package dev.boulevard.wallet.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One addition of credits to a wallet, and what remains of it.
 *
 * @param lotId the lot's id, unique within its wallet
 * @param kind the kind of its credits
 * @param remaining the credits it still holds, never negative
 * @param addedAt when it was added
 * @param expiresAt when it expires, or null if it never does
 */
public record Lot(
    String lotId, CreditKind kind, long remaining, Instant addedAt, Instant expiresAt) {

  /**
   * The order in which the lots of one kind are spent: the lot that expires first goes first, lots
   * that never expire come last and oldest first, and ties go by addedAt, then by lotId (shorter
   * ids first, so that {@code lot-9} comes before {@code lot-10}).
   */
  public static final Comparator<Lot> SPEND_ORDER =
      Comparator.comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Lot::addedAt)
          .thenComparing(
              Lot::lotId,
              Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));

  /** Rejects nulls, except for expiresAt, and negative remaining credits. */
  public Lot {
    Objects.requireNonNull(lotId, "lotId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(addedAt, "addedAt");
    if (remaining < 0) {
      throw new IllegalArgumentException(
          "Lot '" + lotId + "' cannot hold a negative amount: " + remaining);
    }
  }

  /** {@return whether the lot has expired at the given instant: its expiry is at or before it} */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  /** {@return whether the lot can be spent at the given instant: it holds credits, unexpired} */
  public boolean isOpenAt(Instant now) {
    return remaining > 0 && !isExpiredAt(now);
  }

  /** {@return this lot with the given amount taken from it} */
  Lot minus(long amount) {
    if (amount <= 0 || amount > remaining) {
      throw new IllegalStateException(
          "Cannot take " + amount + " from lot '" + lotId + "', which holds " + remaining);
    }
    return new Lot(lotId, kind, remaining - amount, addedAt, expiresAt);
  }
}
