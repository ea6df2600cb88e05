package dev.boulevard.wallet.process;

import dev.boulevard.saga.ProcessAction.Schedule;
import dev.boulevard.testing.ProcessManagerScenario;
import dev.boulevard.testing.TestClock;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.Reason;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExpiryProcessTest {

  private static final String ALICE = "alice";
  private static final Instant T0 = TestClock.DEFAULT_START;
  private static final Instant DAY_90 = T0.plus(Duration.ofDays(90));
  private static final Instant DAY_30 = T0.plus(Duration.ofDays(30));

  private final ProcessManagerScenario<ExpiringLots> scenario =
      ProcessManagerScenario.of(new ExpiryProcess()).withAggregateId(ALICE);

  private static Schedule expiryAt(Instant at) {
    return new Schedule(ExpiryProcess.DEADLINE, at, new ExpireCredits(ALICE));
  }

  @Test
  void schedules_the_expiry_of_a_bonus_lot_and_sends_it_when_the_lot_expires() {
    scenario
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 10, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, DAY_90))
        .thenScheduled(expiryAt(DAY_90))
        .whenTimePasses(Duration.ofDays(90).minusNanos(1000))
        .thenDispatched()
        .whenTimePasses(Duration.ofNanos(1000))
        .thenDispatched(new ExpireCredits(ALICE));
  }

  @Test
  void credits_that_expire_sooner_move_the_deadline_forward() {
    scenario
        .given(new BonusCreditsAdded(ALICE, "lot-1", 50, T0, DAY_90))
        .when(new RefundCreditsAdded(ALICE, "lot-2", 30, T0, DAY_30))
        .thenDispatched()
        .thenScheduled(expiryAt(DAY_30))
        .thenState(
            ALICE,
            new ExpiringLots(
                ALICE,
                List.of(
                    new ExpiringLot("lot-2", 30, DAY_30), new ExpiringLot("lot-1", 50, DAY_90))));
  }

  @Test
  void after_an_expiry_the_deadline_moves_to_the_next_lot() {
    scenario
        .given(
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, DAY_90),
            new RefundCreditsAdded(ALICE, "lot-2", 30, T0, DAY_30))
        .whenTimePasses(Duration.ofDays(30))
        .thenDispatched(new ExpireCredits(ALICE))
        .when(
            new RefundCreditsSubtracted(
                ALICE, Reason.EXPIRED, 30, List.of(new LotTaken("lot-2", 30))))
        .thenDispatched()
        .thenScheduled(expiryAt(DAY_90));
  }

  @Test
  void a_partly_spent_lot_still_expires_and_a_spent_one_no_longer_does() {
    scenario
        .given(
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, DAY_30),
            new BonusCreditsAdded(ALICE, "lot-2", 20, T0, DAY_90))
        .when(
            new BonusCreditsSubtracted(
                ALICE,
                Reason.SPENT,
                60,
                List.of(new LotTaken("lot-1", 50), new LotTaken("lot-2", 10))))
        .thenDispatched()
        .thenScheduled(expiryAt(DAY_90))
        .thenState(ALICE, new ExpiringLots(ALICE, List.of(new ExpiringLot("lot-2", 10, DAY_90))));
  }

  @Test
  void a_wallet_left_with_no_expiring_credits_ends_its_process() {
    scenario
        .given(new BonusCreditsAdded(ALICE, "lot-1", 50, T0, DAY_90))
        .when(
            new BonusCreditsSubtracted(ALICE, Reason.SPENT, 50, List.of(new LotTaken("lot-1", 50))))
        .thenDispatched()
        .thenScheduled()
        .thenEnded(ALICE)
        .whenTimePasses(Duration.ofDays(91))
        .thenDispatched();
  }

  @Test
  void wallets_expire_independently() {
    scenario
        .given(new BonusCreditsAdded(ALICE, "lot-1", 50, T0, DAY_90))
        .withAggregateId("bob")
        .given(new RefundCreditsAdded("bob", "lot-1", 5, T0, DAY_30))
        .whenTimePasses(Duration.ofDays(30))
        .thenDispatched(new ExpireCredits("bob"))
        .whenTimePasses(Duration.ofDays(60))
        .thenDispatched(new ExpireCredits(ALICE));
  }
}
