package dev.boulevard.wallet.readmodel;

import dev.boulevard.wallet.domain.CreditKind;
import java.time.Instant;

/**
 * A lot that still holds credits, as the credits read model keeps it.
 *
 * @param lotId the lot's id, as its addition named it
 * @param kind the kind of its credits
 * @param remaining how many credits it still holds
 * @param addedAt when it was added
 * @param expiresAt when it expires, or null for a WALLET lot, which never does
 */
public record OpenLot(
    String lotId, CreditKind kind, long remaining, Instant addedAt, Instant expiresAt) {

  /** {@return whether the lot can still be spent at the given instant} */
  public boolean availableAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }

  /** {@return this lot with the given amount taken from it} */
  public OpenLot minus(long amount) {
    return new OpenLot(lotId, kind, remaining - amount, addedAt, expiresAt);
  }
}
