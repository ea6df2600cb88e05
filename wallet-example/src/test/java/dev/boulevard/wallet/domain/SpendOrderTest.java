package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.TestWallets.ALICE;
import static dev.boulevard.wallet.domain.TestWallets.NINETY_DAYS;
import static dev.boulevard.wallet.domain.TestWallets.T0;
import static dev.boulevard.wallet.domain.TestWallets.handlerScenario;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.SPENT;

import dev.boulevard.wallet.domain.WalletCommand.SubBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubWalletCredits;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The order in which credits are spent, across kinds and within a kind. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpendOrderTest {

  private static final Duration TEN_DAYS = Duration.ofDays(10);

  @Test
  void sub_credits_spends_bonus_then_refund_then_wallet_with_one_event_per_kind_touched() {
    handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0), // the oldest lot, yet spent last
            new RefundCreditsAdded(ALICE, "lot-1", 20, T0, T0.plus(NINETY_DAYS)),
            new BonusCreditsAdded(ALICE, "lot-2", 30, T0, T0.plus(NINETY_DAYS)))
        .when(new SubCredits(ALICE, 60))
        .then(
            new BonusCreditsSubtracted(ALICE, SPENT, 30, List.of(new LotTaken("lot-2", 30))),
            new RefundCreditsSubtracted(ALICE, SPENT, 20, List.of(new LotTaken("lot-1", 20))),
            new WalletCreditsSubtracted(ALICE, SPENT, 10, List.of(new LotTaken("lot-0", 10))));
  }

  @Test
  void sub_credits_records_only_the_kinds_it_touches() {
    handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 30, T0, T0.plus(NINETY_DAYS)))
        .when(new SubCredits(ALICE, 30))
        .then(new BonusCreditsSubtracted(ALICE, SPENT, 30, List.of(new LotTaken("lot-1", 30))))
        .when(new SubCredits(ALICE, 40)) // no bonus left, and no refund lot at all
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 40, List.of(new LotTaken("lot-0", 40))));
  }

  @Test
  void within_a_kind_the_lot_that_expires_first_is_spent_first_even_if_added_later() {
    // lot-1 comes from a promotion with a shorter life, in a history written by older code.
    var older = T0.minus(Duration.ofDays(40));
    var newer = T0.minus(TEN_DAYS);
    handlerScenario()
        .given(
            new BonusCreditsAdded(ALICE, "lot-0", 30, older, older.plus(NINETY_DAYS)),
            new BonusCreditsAdded(ALICE, "lot-1", 30, newer, newer.plus(Duration.ofDays(30))))
        .when(new SubBonusCredits(ALICE, 40))
        .then(
            new BonusCreditsSubtracted(
                ALICE, SPENT, 40, List.of(new LotTaken("lot-1", 30), new LotTaken("lot-0", 10))));
  }

  @Test
  void within_a_kind_one_event_names_every_lot_taken_from_in_spending_order() {
    handlerScenario()
        .given(
            new RefundCreditsAdded(ALICE, "lot-0", 10, T0, T0.plus(NINETY_DAYS)),
            new RefundCreditsAdded(
                ALICE, "lot-1", 10, T0.plus(TEN_DAYS), T0.plus(NINETY_DAYS).plus(TEN_DAYS)),
            new RefundCreditsAdded(
                ALICE, "lot-2", 10, T0.minus(TEN_DAYS), T0.plus(NINETY_DAYS).minus(TEN_DAYS)))
        .when(new SubCredits(ALICE, 25))
        .then(
            new RefundCreditsSubtracted(
                ALICE,
                SPENT,
                25,
                List.of(
                    new LotTaken("lot-2", 10),
                    new LotTaken("lot-0", 10),
                    new LotTaken("lot-1", 5))));
  }

  @Test
  void wallet_credits_are_spent_oldest_first() {
    handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 10, T0),
            new WalletCreditsAdded(ALICE, "lot-1", 10, T0.minus(TEN_DAYS)),
            new WalletCreditsAdded(ALICE, "lot-2", 10, T0.minus(TEN_DAYS.multipliedBy(2))))
        .when(new SubWalletCredits(ALICE, 15))
        .then(
            new WalletCreditsSubtracted(
                ALICE, SPENT, 15, List.of(new LotTaken("lot-2", 10), new LotTaken("lot-1", 5))));
  }

  @Test
  void lots_added_at_the_same_instant_are_spent_in_the_order_of_their_ids() {
    handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-10", 10, T0),
            new WalletCreditsAdded(ALICE, "lot-9", 10, T0),
            new WalletCreditsAdded(ALICE, "lot-11", 10, T0))
        .when(new SubWalletCredits(ALICE, 25))
        .then(
            new WalletCreditsSubtracted(
                ALICE,
                SPENT,
                25,
                List.of(
                    new LotTaken("lot-9", 10),
                    new LotTaken("lot-10", 10),
                    new LotTaken("lot-11", 5))));
  }

  @Test
  void a_spent_lot_is_not_spent_again() {
    handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 10, T0),
            new WalletCreditsAdded(ALICE, "lot-1", 10, T0))
        .when(new SubWalletCredits(ALICE, 10))
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 10, List.of(new LotTaken("lot-0", 10))))
        .when(new SubWalletCredits(ALICE, 10))
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 10, List.of(new LotTaken("lot-1", 10))))
        .whenThrows(
            new SubWalletCredits(ALICE, 1),
            InsufficientCreditsException.class,
            "requested 1 WALLET credits, 0 available");
  }
}
