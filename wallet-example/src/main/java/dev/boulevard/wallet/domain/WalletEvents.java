package dev.boulevard.wallet.domain;

import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.Reason;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The stored names of the wallet's events, and helpers that pick an event by its kind. */
public final class WalletEvents {

  private static final EventTypeRegistry REGISTRY =
      EventTypeRegistry.builder()
          .register("WalletCreditsAdded", WalletCreditsAdded.class)
          .register("BonusCreditsAdded", BonusCreditsAdded.class)
          .register("RefundCreditsAdded", RefundCreditsAdded.class)
          .register("WalletCreditsSubtracted", WalletCreditsSubtracted.class)
          .register("BonusCreditsSubtracted", BonusCreditsSubtracted.class)
          .register("RefundCreditsSubtracted", RefundCreditsSubtracted.class)
          .build();

  private WalletEvents() {}

  /** {@return the registry that stores each wallet event under its short business name} */
  public static EventTypeRegistry registry() {
    return REGISTRY;
  }

  /**
   * Makes the event that records a new lot of the given kind.
   *
   * @param kind the lot's kind
   * @param userId the wallet's user
   * @param lotId the new lot's id
   * @param amount the credits added
   * @param addedAt when they were added
   * @param expiresAt when they expire; ignored for WALLET credits, which never do
   * @return the event
   */
  public static WalletEvent added(
      CreditKind kind,
      String userId,
      String lotId,
      long amount,
      Instant addedAt,
      Instant expiresAt) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case WALLET -> new WalletCreditsAdded(userId, lotId, amount, addedAt);
      case BONUS -> new BonusCreditsAdded(userId, lotId, amount, addedAt, expiresAt);
      case REFUND -> new RefundCreditsAdded(userId, lotId, amount, addedAt, expiresAt);
    };
  }

  /**
   * Makes the event that records credits of the given kind taken from the named lots.
   *
   * @param kind the lots' kind
   * @param userId the wallet's user
   * @param reason spent or expired
   * @param lots the lots taken from, and how much from each
   * @return the event, whose amount is the sum of the amounts taken
   */
  public static WalletEvent subtracted(
      CreditKind kind, String userId, Reason reason, List<LotTaken> lots) {
    List<LotTaken> taken = List.copyOf(lots);
    long amount = taken.stream().mapToLong(LotTaken::amount).reduce(0, Math::addExact);
    return switch (Objects.requireNonNull(kind, "kind")) {
      case WALLET -> new WalletCreditsSubtracted(userId, reason, amount, taken);
      case BONUS -> new BonusCreditsSubtracted(userId, reason, amount, taken);
      case REFUND -> new RefundCreditsSubtracted(userId, reason, amount, taken);
    };
  }

  /** {@return the kind of credits an event adds or subtracts} */
  public static CreditKind kindOf(WalletEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof WalletCreditsAdded || event instanceof WalletCreditsSubtracted) {
      return CreditKind.WALLET;
    }
    if (event instanceof BonusCreditsAdded || event instanceof BonusCreditsSubtracted) {
      return CreditKind.BONUS;
    }
    return CreditKind.REFUND;
  }
}
