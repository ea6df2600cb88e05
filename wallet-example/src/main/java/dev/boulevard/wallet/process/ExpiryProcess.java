package dev.boulevard.wallet.process;

import dev.boulevard.saga.CorrelationKey;
import dev.boulevard.saga.ProcessContext;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Expires each wallet's credits when its next lot expires, instead of a periodic sweep over every
 * wallet: it keeps the wallet's lots that expire and still hold credits, and keeps {@link
 * ExpireCredits} scheduled at the soonest expiry. An addition that expires sooner moves the
 * deadline forward; each subtraction, an expiry included, moves it to the lot that is next; a
 * wallet left with no expiring lot ends its process.
 *
 * <p>{@link ExpireCredits} is idempotent (a second one finds nothing expired and records nothing),
 * as the at-least-once delivery of scheduled commands requires.
 */
public final class ExpiryProcess extends ProcessManager<ExpiringLots> {

  /** The process manager's name, which also names its state's read model. */
  public static final String NAME = "wallet_expiry";

  /** The key of the one deadline each wallet's process keeps. */
  public static final String DEADLINE = "next_expiry";

  /** Creates the process manager. */
  public ExpiryProcess() {
    super(NAME, ExpiringLots.class);
    on(
        BonusCreditsAdded.class,
        CorrelationKey.aggregateId(),
        (state, e, context) ->
            added(state, e.userId(), e.lotId(), e.amount(), e.expiresAt(), context));
    on(
        RefundCreditsAdded.class,
        CorrelationKey.aggregateId(),
        (state, e, context) ->
            added(state, e.userId(), e.lotId(), e.amount(), e.expiresAt(), context));
    on(
        BonusCreditsSubtracted.class,
        CorrelationKey.aggregateId(),
        (state, e, context) -> taken(state, e.userId(), e.lots(), context));
    on(
        RefundCreditsSubtracted.class,
        CorrelationKey.aggregateId(),
        (state, e, context) -> taken(state, e.userId(), e.lots(), context));
  }

  /** {@return the stored names of the commands it sends} */
  public static EventTypeRegistry commandTypes() {
    return EventTypeRegistry.builder()
        .register("wallet.expire_credits", ExpireCredits.class)
        .build();
  }

  private static ExpiringLots added(
      Optional<ExpiringLots> state,
      String userId,
      String lotId,
      long amount,
      Instant expiresAt,
      ProcessContext context) {
    ExpiringLots lots =
        state
            .orElseGet(() -> ExpiringLots.none(userId))
            .with(new ExpiringLot(lotId, amount, expiresAt));
    return scheduleNext(lots, context);
  }

  private static ExpiringLots taken(
      Optional<ExpiringLots> state, String userId, List<LotTaken> taken, ProcessContext context) {
    return scheduleNext(state.orElseGet(() -> ExpiringLots.none(userId)).minus(taken), context);
  }

  private static ExpiringLots scheduleNext(ExpiringLots lots, ProcessContext context) {
    Optional<Instant> next = lots.nextExpiry();
    if (next.isEmpty()) {
      context.cancel(DEADLINE);
      context.end();
      return null;
    }
    context.schedule(DEADLINE, next.get(), new ExpireCredits(lots.userId()));
    return lots;
  }
}
