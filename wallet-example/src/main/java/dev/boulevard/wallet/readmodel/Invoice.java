package dev.boulevard.wallet.readmodel;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.wallet.domain.CreditKind;
import java.time.Instant;

/**
 * An invoice issued for an addition of WALLET or REFUND credits.
 *
 * @param id the invoice's number, such as {@code 2026/000001}, which is its id
 * @param userId the user it was issued to
 * @param lotId the lot whose addition it invoices
 * @param kind the kind of credits added
 * @param amount how many credits were added
 * @param issuedAt when the credits were added
 */
public record Invoice(
    String id, String userId, String lotId, CreditKind kind, long amount, Instant issuedAt)
    implements ReadModel {

  /** {@return the invoice's number} */
  public String number() {
    return id;
  }
}
