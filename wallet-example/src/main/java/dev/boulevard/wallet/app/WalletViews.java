package dev.boulevard.wallet.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.readmodel.OpenLot;
import dev.boulevard.wallet.readmodel.WalletCredits;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The answers of the wallet's queries, as the HTTP API writes them. */
public final class WalletViews {

  private WalletViews() {}

  /**
   * A wallet's available credits at one instant.
   *
   * @param userId the wallet's user
   * @param balances the available balance of each kind
   * @param total the sum of the balances
   * @param lots the lots that can still be spent, oldest first
   */
  public record Credits(String userId, Map<CreditKind, Long> balances, long total, List<Lot> lots) {

    /**
     * Lot ids in the order the wallet gives them: shorter first, so {@code 9} before {@code 10}.
     */
    private static final Comparator<String> LOT_IDS =
        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /** {@return the credits of a wallet's read model available at an instant} */
    static Credits of(String userId, WalletCredits credits, Instant now) {
      Map<CreditKind, Long> balances = credits.balances(now);
      // oldest first, as the replayed view: in a fleet, a wallet's events need not be in the order
      // of their instants, which each instance reads from its clock before the wallet's events
      List<Lot> lots =
          credits.availableLots(now).stream()
              .sorted(Comparator.comparing(OpenLot::addedAt).thenComparing(OpenLot::lotId, LOT_IDS))
              .map(lot -> new Lot(lot.kind(), lot.remaining(), lot.addedAt(), lot.expiresAt()))
              .toList();
      return new Credits(userId, balances, sum(balances), lots);
    }

    /** {@return the credits of a replayed wallet available at an instant, lots oldest first} */
    static Credits of(String userId, Wallet wallet, Instant now) {
      Map<CreditKind, Long> balances = new EnumMap<>(CreditKind.class);
      Map<CreditKind, Long> available = wallet.balances(now);
      for (CreditKind kind : CreditKind.values()) {
        balances.put(kind, available.getOrDefault(kind, 0L));
      }
      List<Lot> lots =
          wallet.openLots(now).stream()
              .sorted(
                  Comparator.comparing(dev.boulevard.wallet.domain.Lot::addedAt)
                      .thenComparing(dev.boulevard.wallet.domain.Lot::lotId, LOT_IDS))
              .map(lot -> new Lot(lot.kind(), lot.remaining(), lot.addedAt(), lot.expiresAt()))
              .toList();
      return new Credits(userId, balances, sum(balances), lots);
    }

    private static long sum(Map<CreditKind, Long> balances) {
      return balances.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * A lot that can still be spent.
   *
   * @param kind its credits' kind
   * @param remaining how many credits it still holds
   * @param addedAt when it was added
   * @param expiresAt when it expires, or null if it never does
   */
  public record Lot(CreditKind kind, long remaining, Instant addedAt, Instant expiresAt) {}

  /**
   * An invoice.
   *
   * @param number its number, unique and gap-free per year, such as {@code 2026/000001}
   * @param kind the kind of credits added
   * @param amount how many
   * @param issuedAt when
   */
  public record Invoice(String number, CreditKind kind, long amount, Instant issuedAt) {

    /** {@return the view of a stored invoice} */
    static Invoice of(dev.boulevard.wallet.readmodel.Invoice invoice) {
      return new Invoice(invoice.number(), invoice.kind(), invoice.amount(), invoice.issuedAt());
    }
  }

  /**
   * One stored event of a wallet.
   *
   * @param playhead its playhead
   * @param type its stored type name
   * @param recordedOn when it was recorded
   * @param payload the event as JSON
   */
  public record Event(long playhead, String type, Instant recordedOn, JsonNode payload) {}

  /**
   * One command of the audit log.
   *
   * @param command the command's type
   * @param userId the wallet's user, or null if the stored command names none
   * @param outcome {@code succeeded} or {@code failed}
   * @param error why it failed, or null
   * @param dispatchedAt when it was dispatched
   * @param duration how long it took, as an ISO-8601 duration
   */
  public record AuditEntry(
      String command,
      String userId,
      String outcome,
      String error,
      Instant dispatchedAt,
      Duration duration) {}
}
