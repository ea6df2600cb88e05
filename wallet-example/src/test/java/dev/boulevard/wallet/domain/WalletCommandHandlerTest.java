package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.TestWallets.ALICE;
import static dev.boulevard.wallet.domain.TestWallets.NINETY_DAYS;
import static dev.boulevard.wallet.domain.TestWallets.T0;
import static dev.boulevard.wallet.domain.TestWallets.handlerScenario;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.SPENT;

import dev.boulevard.testing.CommandHandlerScenario;
import dev.boulevard.wallet.domain.WalletCommand.AddBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddRefundCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wallet's commands: additions, spends of one kind, and their failures. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalletCommandHandlerTest {

  private static CommandHandlerScenario aliceWithEveryKind() {
    return handlerScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS)),
            new RefundCreditsAdded(ALICE, "lot-2", 20, T0, T0.plus(NINETY_DAYS)));
  }

  @Test
  void adding_wallet_credits_creates_the_wallet() {
    handlerScenario()
        .when(new AddWalletCredits(ALICE, 100))
        .then(new WalletCreditsAdded(ALICE, "lot-0", 100, T0));
  }

  @Test
  void adding_bonus_or_refund_credits_creates_the_wallet_too() {
    handlerScenario()
        .when(new AddBonusCredits(ALICE, 50))
        .then(new BonusCreditsAdded(ALICE, "lot-0", 50, T0, T0.plus(NINETY_DAYS)));
    handlerScenario()
        .when(new AddRefundCredits(ALICE, 20))
        .then(new RefundCreditsAdded(ALICE, "lot-0", 20, T0, T0.plus(NINETY_DAYS)));
  }

  @Test
  void each_addition_is_a_lot_named_after_the_playhead_of_its_event() {
    var scenario = handlerScenario().given(new WalletCreditsAdded(ALICE, "lot-0", 100, T0));
    scenario.clock().advance(NINETY_DAYS);
    var now = T0.plus(NINETY_DAYS);
    scenario
        .when(new AddWalletCredits(ALICE, 5))
        .then(new WalletCreditsAdded(ALICE, "lot-1", 5, now))
        .when(new AddBonusCredits(ALICE, 6))
        .then(new BonusCreditsAdded(ALICE, "lot-2", 6, now, now.plus(NINETY_DAYS)))
        .when(new AddRefundCredits(ALICE, 7))
        .then(new RefundCreditsAdded(ALICE, "lot-3", 7, now, now.plus(NINETY_DAYS)));
  }

  @Test
  void sub_wallet_credits_spends_wallet_credits_only() {
    aliceWithEveryKind()
        .when(new SubWalletCredits(ALICE, 30))
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 30, List.of(new LotTaken("lot-0", 30))));
  }

  @Test
  void sub_bonus_credits_spends_bonus_credits_only() {
    aliceWithEveryKind()
        .when(new SubBonusCredits(ALICE, 50))
        .then(new BonusCreditsSubtracted(ALICE, SPENT, 50, List.of(new LotTaken("lot-1", 50))));
  }

  @Test
  void sub_refund_credits_spends_refund_credits_only() {
    aliceWithEveryKind()
        .when(new SubRefundCredits(ALICE, 5))
        .then(new RefundCreditsSubtracted(ALICE, SPENT, 5, List.of(new LotTaken("lot-2", 5))));
  }

  @Test
  void sub_wallet_credits_beyond_the_wallet_credits_fails_even_if_other_kinds_could_cover_it() {
    aliceWithEveryKind()
        .whenThrows(
            new SubWalletCredits(ALICE, 101),
            InsufficientCreditsException.class,
            "user 'alice': requested 101 WALLET credits, 100 available");
  }

  @Test
  void sub_bonus_credits_beyond_the_bonus_credits_fails() {
    aliceWithEveryKind()
        .whenThrows(
            new SubBonusCredits(ALICE, 51),
            InsufficientCreditsException.class,
            "requested 51 BONUS credits, 50 available");
  }

  @Test
  void sub_refund_credits_beyond_the_refund_credits_fails() {
    aliceWithEveryKind()
        .whenThrows(
            new SubRefundCredits(ALICE, 21),
            InsufficientCreditsException.class,
            "requested 21 REFUND credits, 20 available");
  }

  @Test
  void sub_credits_beyond_all_credits_fails_as_a_whole() {
    aliceWithEveryKind()
        .whenThrows(
            new SubCredits(ALICE, 171),
            InsufficientCreditsException.class,
            "requested 171 BONUS+REFUND+WALLET credits, 170 available")
        .when(new SubCredits(ALICE, 170))
        .then(
            new BonusCreditsSubtracted(ALICE, SPENT, 50, List.of(new LotTaken("lot-1", 50))),
            new RefundCreditsSubtracted(ALICE, SPENT, 20, List.of(new LotTaken("lot-2", 20))),
            new WalletCreditsSubtracted(ALICE, SPENT, 100, List.of(new LotTaken("lot-0", 100))));
  }

  static Stream<WalletCommand> commandsNeedingAWallet() {
    return Stream.of(
        new SubWalletCredits(ALICE, 1),
        new SubBonusCredits(ALICE, 1),
        new SubRefundCredits(ALICE, 1),
        new SubCredits(ALICE, 1),
        new ExpireCredits(ALICE));
  }

  @ParameterizedTest
  @MethodSource("commandsNeedingAWallet")
  void spends_and_expiry_fail_on_a_wallet_that_does_not_exist(WalletCommand command) {
    handlerScenario()
        .withAggregateId("bob") // someone else's wallet exists
        .given(new WalletCreditsAdded("bob", "lot-0", 100, T0))
        .whenThrows(
            command, WalletNotFoundException.class, "Wallet not found: user 'alice' has no wallet");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE, 1_000_000_000_001L, Long.MAX_VALUE})
  void amounts_must_be_between_one_and_a_trillion(long amount) {
    List<WalletCommand> commands =
        List.of(
            new AddWalletCredits(ALICE, amount),
            new AddBonusCredits(ALICE, amount),
            new AddRefundCredits(ALICE, amount),
            new SubWalletCredits(ALICE, amount),
            new SubBonusCredits(ALICE, amount),
            new SubRefundCredits(ALICE, amount),
            new SubCredits(ALICE, amount));
    for (WalletCommand command : commands) {
      handlerScenario() // on a missing wallet: bad input is reported before "wallet not found"
          .whenThrows(command, IllegalArgumentException.class, "not " + amount);
      aliceWithEveryKind().whenThrows(command, IllegalArgumentException.class, "not " + amount);
    }
  }

  @Test
  void amounts_of_one_and_of_a_trillion_are_accepted() {
    handlerScenario()
        .when(new AddWalletCredits(ALICE, 1_000_000_000_000L))
        .then(new WalletCreditsAdded(ALICE, "lot-0", 1_000_000_000_000L, T0))
        .when(new SubWalletCredits(ALICE, 1))
        .then(new WalletCreditsSubtracted(ALICE, SPENT, 1, List.of(new LotTaken("lot-0", 1))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a b",
        "alice!",
        "ålice",
        "a12345678901234567890123456789012345678901234567890123456789012345"
      })
  void user_ids_must_be_1_to_64_letters_digits_underscores_or_hyphens(String userId) {
    handlerScenario()
        .whenThrows(
            new AddWalletCredits(userId, 1),
            IllegalArgumentException.class,
            "A userId is 1 to 64 characters")
        .whenThrows(
            new SubCredits(userId, 1),
            IllegalArgumentException.class,
            "A userId is 1 to 64 characters");
  }

  @Test
  void a_user_id_of_64_letters_digits_underscores_and_hyphens_is_accepted() {
    String userId = "A-z_09".repeat(10) + "abcd";
    handlerScenario()
        .when(new AddWalletCredits(userId, 1))
        .then(new WalletCreditsAdded(userId, "lot-0", 1, T0));
  }
}
