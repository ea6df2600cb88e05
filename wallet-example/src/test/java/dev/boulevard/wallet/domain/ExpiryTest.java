package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.TestWallets.ALICE;
import static dev.boulevard.wallet.domain.TestWallets.NINETY_DAYS;
import static dev.boulevard.wallet.domain.TestWallets.ONE_MICRO;
import static dev.boulevard.wallet.domain.TestWallets.T0;
import static dev.boulevard.wallet.domain.TestWallets.handlerScenario;
import static dev.boulevard.wallet.domain.TestWallets.replay;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.EXPIRED;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.SPENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.testing.CommandHandlerScenario;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubRefundCredits;
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
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** BONUS and REFUND credits expire 90 days after being added; WALLET credits never do. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExpiryTest {

  private static final Duration TEN_DAYS = Duration.ofDays(10);

  private static CommandHandlerScenario aliceWithWalletAndBonus() {
    return handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS)));
  }

  @Test
  void bonus_credits_can_be_spent_until_the_last_microsecond_before_90_days() {
    var scenario = aliceWithWalletAndBonus();
    scenario.clock().set(T0.plus(NINETY_DAYS).minus(ONE_MICRO));
    scenario
        .when(new SubBonusCredits(ALICE, 50))
        .then(new BonusCreditsSubtracted(ALICE, SPENT, 50, List.of(new LotTaken("lot-1", 50))));
  }

  @Test
  void bonus_credits_expire_at_exactly_90_days_and_cannot_be_spent() {
    var scenario = aliceWithWalletAndBonus();
    scenario.clock().set(T0.plus(NINETY_DAYS));
    scenario.whenThrows(
        new SubBonusCredits(ALICE, 1),
        InsufficientCreditsException.class,
        "requested 1 BONUS credits, 0 available");
  }

  @Test
  void refund_credits_expire_at_exactly_90_days_and_cannot_be_spent() {
    var scenario =
        handlerScenario()
            .given(new RefundCreditsAdded(ALICE, "lot-0", 20, T0, T0.plus(NINETY_DAYS)));
    scenario.clock().set(T0.plus(NINETY_DAYS));
    scenario.whenThrows(
        new SubRefundCredits(ALICE, 1),
        InsufficientCreditsException.class,
        "requested 1 REFUND credits, 0 available");
  }

  @Test
  void sub_credits_passes_over_expired_lots_before_their_expiry_is_recorded() {
    var scenario = aliceWithWalletAndBonus();
    scenario.clock().advance(NINETY_DAYS.plus(TEN_DAYS));
    scenario
        .whenThrows(new SubCredits(ALICE, 101), InsufficientCreditsException.class, "100 available")
        .when(new SubCredits(ALICE, 30))
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 30, List.of(new LotTaken("lot-0", 30))));
  }

  @Test
  void balances_leave_out_expired_lots_before_their_expiry_is_recorded() {
    Wallet wallet =
        replay(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS)));
    var justBefore = T0.plus(NINETY_DAYS).minus(ONE_MICRO);
    var atExpiry = T0.plus(NINETY_DAYS);

    assertThat(wallet.balances(justBefore))
        .isEqualTo(Map.of(CreditKind.WALLET, 100L, CreditKind.BONUS, 50L, CreditKind.REFUND, 0L));
    assertThat(wallet.total(justBefore)).isEqualTo(150);
    assertThat(wallet.balances(atExpiry))
        .isEqualTo(Map.of(CreditKind.WALLET, 100L, CreditKind.BONUS, 0L, CreditKind.REFUND, 0L));
    assertThat(wallet.total(atExpiry)).isEqualTo(100);
    assertThat(wallet.openLots(atExpiry)).extracting(Lot::lotId).containsExactly("lot-0");
  }

  @Test
  void expire_credits_records_one_event_per_kind_naming_every_expired_lot_that_holds_credits() {
    var later = T0.plus(TEN_DAYS);
    var scenario =
        handlerScenario()
            .given(
                new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
                new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS)),
                new BonusCreditsAdded(ALICE, "lot-2", 40, T0, T0.plus(NINETY_DAYS)),
                new RefundCreditsAdded(ALICE, "lot-3", 20, T0, T0.plus(NINETY_DAYS)),
                new BonusCreditsAdded(ALICE, "lot-4", 5, T0, T0.plus(NINETY_DAYS)),
                new BonusCreditsAdded(ALICE, "lot-5", 7, later, later.plus(NINETY_DAYS)),
                new BonusCreditsSubtracted(
                    ALICE,
                    SPENT,
                    65,
                    List.of(new LotTaken("lot-1", 50), new LotTaken("lot-2", 15))),
                new BonusCreditsSubtracted(ALICE, SPENT, 5, List.of(new LotTaken("lot-4", 5))));
    scenario.clock().set(T0.plus(NINETY_DAYS));
    scenario
        .when(new ExpireCredits(ALICE))
        .then(
            new BonusCreditsSubtracted(ALICE, EXPIRED, 25, List.of(new LotTaken("lot-2", 25))),
            new RefundCreditsSubtracted(ALICE, EXPIRED, 20, List.of(new LotTaken("lot-3", 20))))
        .when(new ExpireCredits(ALICE))
        .then();
  }

  @Test
  void expire_credits_names_several_expired_lots_of_one_kind_in_one_event() {
    var scenario =
        handlerScenario()
            .given(
                new BonusCreditsAdded(ALICE, "lot-0", 50, T0, T0.plus(NINETY_DAYS)),
                new BonusCreditsAdded(
                    ALICE, "lot-1", 40, T0.plus(TEN_DAYS), T0.plus(NINETY_DAYS).plus(TEN_DAYS)));
    scenario.clock().advance(NINETY_DAYS.plus(TEN_DAYS));
    scenario
        .when(new ExpireCredits(ALICE))
        .then(
            new BonusCreditsSubtracted(
                ALICE, EXPIRED, 90, List.of(new LotTaken("lot-0", 50), new LotTaken("lot-1", 40))));
  }

  @Test
  void expire_credits_with_nothing_to_expire_records_nothing_and_succeeds() {
    var scenario = aliceWithWalletAndBonus();
    scenario.clock().set(T0.plus(NINETY_DAYS).minus(ONE_MICRO));
    scenario.when(new ExpireCredits(ALICE)).then();
  }

  @Test
  void wallet_credits_never_expire() {
    var scenario = handlerScenario().given(new WalletCreditsAdded(ALICE, "lot-0", 100, T0));
    scenario.clock().advance(Duration.ofDays(100_000));
    scenario
        .when(new ExpireCredits(ALICE))
        .then()
        .when(new SubWalletCredits(ALICE, 100))
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 100, List.of(new LotTaken("lot-0", 100))));
  }
}
