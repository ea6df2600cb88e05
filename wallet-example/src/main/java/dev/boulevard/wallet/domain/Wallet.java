package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.CreditKind.BONUS;
import static dev.boulevard.wallet.domain.CreditKind.REFUND;
import static dev.boulevard.wallet.domain.CreditKind.WALLET;

import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.Reason;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user's wallet: lots of WALLET, BONUS and REFUND credits, added, spent in a fixed order, and
 * expired.
 *
 * <p>It decides with the time of the clock each method is given, and its events name the lots they
 * take from, which {@link #when} follows without deciding again: an old history replays to the
 * balances it recorded, whatever the spending order is today. Not thread-safe: an instance belongs
 * to the one command that loaded it.
 */
public final class Wallet extends EventSourcedAggregateRoot<WalletEvent> {

  /** The order in which a spend across kinds takes credits, and in which lots are listed. */
  public static final List<CreditKind> SPEND_ORDER = List.of(BONUS, REFUND, WALLET);

  private final Map<String, Lot> lots = new LinkedHashMap<>(); // only lots that hold credits
  private String userId;

  /** Creates a wallet with no history, for a repository to replay events into. */
  public Wallet() {
    super(WalletEvent.class);
  }

  /**
   * Creates a wallet with its first lot.
   *
   * @param userId the user whose wallet it is
   * @param kind the kind of credits added
   * @param amount how many
   * @param clock the time of the addition
   * @return the new wallet, with the addition recorded
   * @throws IllegalArgumentException if the user id or the amount is invalid
   */
  public static Wallet create(String userId, CreditKind kind, long amount, Clock clock) {
    WalletInput.requireValidUserId(userId);
    var wallet = new Wallet();
    wallet.recordAddition(userId, kind, amount, clock);
    return wallet;
  }

  /**
   * Adds a lot of credits; BONUS and REFUND lots expire after their kind's lifetime.
   *
   * @param kind the kind of credits
   * @param amount how many
   * @param clock the time of the addition
   * @throws IllegalArgumentException if the amount is not between 1 and {@link
   *     WalletLimits#MAX_AMOUNT}
   */
  public void add(CreditKind kind, long amount, Clock clock) {
    recordAddition(userId, kind, amount, clock);
  }

  /**
   * Spends credits of one kind, from the lot that expires first (WALLET: the oldest) onwards.
   *
   * @param kind the kind of credits
   * @param amount how many
   * @param clock the time of the spend
   * @throws InsufficientCreditsException if the unexpired credits of that kind do not cover it
   * @throws IllegalArgumentException if the amount is not between 1 and {@link
   *     WalletLimits#MAX_AMOUNT}
   */
  public void spend(CreditKind kind, long amount, Clock clock) {
    spendFrom(List.of(Objects.requireNonNull(kind, "kind")), amount, clock);
  }

  /**
   * Spends credits of every kind, in {@link #SPEND_ORDER}, recording one event per kind touched.
   *
   * @param amount how many
   * @param clock the time of the spend
   * @throws InsufficientCreditsException if the unexpired credits do not cover it
   * @throws IllegalArgumentException if the amount is not between 1 and {@link
   *     WalletLimits#MAX_AMOUNT}
   */
  public void spendAcrossKinds(long amount, Clock clock) {
    spendFrom(SPEND_ORDER, amount, clock);
  }

  /**
   * Records the expiry of every expired lot that still holds credits, one event per kind; records
   * nothing if there is none.
   *
   * @param clock the time of the expiry
   */
  public void expire(Clock clock) {
    Instant now = now(clock);
    var events = new ArrayList<WalletEvent>();
    for (CreditKind kind : SPEND_ORDER) {
      List<LotTaken> expired =
          sortedLots(kind).stream()
              .filter(lot -> lot.isExpiredAt(now))
              .map(lot -> new LotTaken(lot.lotId(), lot.remaining()))
              .toList();
      if (!expired.isEmpty()) {
        events.add(WalletEvents.subtracted(kind, userId, Reason.EXPIRED, expired));
      }
    }
    events.forEach(this::apply);
  }

  /** {@return the credits of each kind available at the given instant; every kind is present} */
  public Map<CreditKind, Long> balances(Instant now) {
    var balances = new EnumMap<CreditKind, Long>(CreditKind.class);
    for (CreditKind kind : CreditKind.values()) {
      balances.put(kind, available(List.of(kind), now));
    }
    return Collections.unmodifiableMap(balances);
  }

  /** {@return the credits of all kinds available at the given instant} */
  public long total(Instant now) {
    return available(SPEND_ORDER, now);
  }

  /** {@return the lots that can be spent at the given instant, in the order they would be spent} */
  public List<Lot> openLots(Instant now) {
    return SPEND_ORDER.stream()
        .flatMap(kind -> sortedLots(kind).stream())
        .filter(lot -> lot.isOpenAt(now))
        .toList();
  }

  /** {@return the id of the user whose wallet it is, or null before its first event} */
  public String userId() {
    return userId;
  }

  /** {@return the user's id, which is the wallet's aggregate id} */
  @Override
  public String aggregateId() {
    return userId;
  }

  private void recordAddition(String userId, CreditKind kind, long amount, Clock clock) {
    Objects.requireNonNull(kind, "kind");
    WalletInput.requireValidAmount(amount);
    Instant now = now(clock);
    Instant expiresAt = kind.lifetime().map(now::plus).orElse(null);
    // Derived from the playhead, never random: the id is a fact of the event, readable in the log.
    String lotId = "lot-" + (playhead() + 1);
    apply(WalletEvents.added(kind, userId, lotId, amount, now, expiresAt));
  }

  private void spendFrom(List<CreditKind> kinds, long amount, Clock clock) {
    WalletInput.requireValidAmount(amount);
    Instant now = now(clock);
    long available = available(kinds, now);
    if (available < amount) {
      throw InsufficientCreditsException.forSpend(userId, kinds, amount, available);
    }
    var events = new ArrayList<WalletEvent>();
    long left = amount;
    for (CreditKind kind : kinds) {
      var taken = new ArrayList<LotTaken>();
      for (Lot lot : sortedLots(kind)) {
        if (left > 0 && lot.isOpenAt(now)) {
          long take = Math.min(left, lot.remaining());
          taken.add(new LotTaken(lot.lotId(), take));
          left -= take;
        }
      }
      if (!taken.isEmpty()) {
        events.add(WalletEvents.subtracted(kind, userId, Reason.SPENT, taken));
      }
    }
    events.forEach(this::apply);
  }

  private long available(List<CreditKind> kinds, Instant now) {
    return lots.values().stream()
        .filter(lot -> kinds.contains(lot.kind()) && lot.isOpenAt(now))
        .mapToLong(Lot::remaining)
        .reduce(0, Math::addExact);
  }

  private List<Lot> sortedLots(CreditKind kind) {
    return lots.values().stream()
        .filter(lot -> lot.kind() == kind)
        .sorted(Lot.SPEND_ORDER)
        .toList();
  }

  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Applies an event by the lots it names, never by today's rules. */
  @Override
  protected void when(WalletEvent event) {
    if (userId == null) {
      userId = event.userId();
    }
    if (event instanceof WalletCreditsAdded e) {
      open(new Lot(e.lotId(), WALLET, e.amount(), e.addedAt(), null));
    } else if (event instanceof BonusCreditsAdded e) {
      open(new Lot(e.lotId(), BONUS, e.amount(), e.addedAt(), e.expiresAt()));
    } else if (event instanceof RefundCreditsAdded e) {
      open(new Lot(e.lotId(), REFUND, e.amount(), e.addedAt(), e.expiresAt()));
    } else if (event instanceof WalletCreditsSubtracted e) {
      take(WALLET, e.lots());
    } else if (event instanceof BonusCreditsSubtracted e) {
      take(BONUS, e.lots());
    } else if (event instanceof RefundCreditsSubtracted e) {
      take(REFUND, e.lots());
    }
  }

  private void open(Lot lot) {
    if (lots.putIfAbsent(lot.lotId(), lot) != null) {
      throw new IllegalStateException(
          "Wallet '" + userId + "' already has a lot '" + lot.lotId() + "'");
    }
  }

  private void take(CreditKind kind, List<LotTaken> taken) {
    for (LotTaken part : taken) {
      Lot lot = lots.get(part.lotId());
      if (lot == null || lot.kind() != kind) {
        throw new IllegalStateException(
            "Wallet '" + userId + "' has no open " + kind + " lot '" + part.lotId() + "'");
      }
      Lot rest = lot.minus(part.amount());
      if (rest.remaining() == 0) {
        lots.remove(lot.lotId());
      } else {
        lots.put(lot.lotId(), rest);
      }
    }
  }
}
