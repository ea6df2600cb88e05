package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.TestWallets.ALICE;
import static dev.boulevard.wallet.domain.TestWallets.NINETY_DAYS;
import static dev.boulevard.wallet.domain.TestWallets.T0;
import static dev.boulevard.wallet.domain.TestWallets.replay;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.EXPIRED;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.SPENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventsourcing.AggregateReplayException;
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

/** Replays follow the lots that events name, never today's rules. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplayTest {

  @Test
  void an_old_history_with_another_spending_order_replays_to_its_recorded_balances() {
    var newer = T0.plus(Duration.ofDays(5));
    // Written by an older version that spent WALLET before BONUS, and the newest bonus lot first.
    Wallet wallet =
        replay(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS)),
            new BonusCreditsAdded(ALICE, "lot-2", 30, newer, newer.plus(NINETY_DAYS)),
            new RefundCreditsAdded(ALICE, "lot-3", 20, newer, newer.plus(NINETY_DAYS)),
            new WalletCreditsSubtracted(ALICE, SPENT, 60, List.of(new LotTaken("lot-0", 60))),
            new BonusCreditsSubtracted(
                ALICE, SPENT, 40, List.of(new LotTaken("lot-2", 30), new LotTaken("lot-1", 10))),
            new RefundCreditsSubtracted(ALICE, EXPIRED, 5, List.of(new LotTaken("lot-3", 5))));

    assertThat(wallet.balances(newer))
        .isEqualTo(Map.of(CreditKind.WALLET, 40L, CreditKind.BONUS, 40L, CreditKind.REFUND, 15L));
    assertThat(wallet.openLots(newer))
        .containsExactly(
            new Lot("lot-1", CreditKind.BONUS, 40, T0, T0.plus(NINETY_DAYS)),
            new Lot("lot-3", CreditKind.REFUND, 15, newer, newer.plus(NINETY_DAYS)),
            new Lot("lot-0", CreditKind.WALLET, 40, T0, null));
    assertThat(wallet.playhead()).isEqualTo(6);
  }

  @Test
  void a_replay_follows_the_lots_an_event_names_even_when_the_lot_ids_are_not_ours() {
    Wallet wallet =
        replay(
            new WalletCreditsAdded(ALICE, "2019-a", 10, T0),
            new WalletCreditsAdded(ALICE, "2019-b", 10, T0),
            new WalletCreditsSubtracted(ALICE, SPENT, 10, List.of(new LotTaken("2019-b", 10))));
    assertThat(wallet.openLots(T0)).extracting(Lot::lotId).containsExactly("2019-a");
  }

  @Test
  void a_history_that_takes_from_an_unknown_lot_cannot_be_replayed() {
    assertThatThrownBy(
            () ->
                replay(
                    new WalletCreditsAdded(ALICE, "lot-0", 10, T0),
                    new WalletCreditsSubtracted(
                        ALICE, SPENT, 5, List.of(new LotTaken("lot-7", 5)))))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("at playhead 1")
        .hasMessageContaining("no open WALLET lot 'lot-7'");
  }

  @Test
  void a_history_that_takes_more_than_a_lot_holds_cannot_be_replayed() {
    assertThatThrownBy(
            () ->
                replay(
                    new BonusCreditsAdded(ALICE, "lot-0", 10, T0, T0.plus(NINETY_DAYS)),
                    new BonusCreditsSubtracted(
                        ALICE, SPENT, 11, List.of(new LotTaken("lot-0", 11)))))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("Cannot take 11 from lot 'lot-0', which holds 10");
  }

  @Test
  void a_history_that_takes_from_a_lot_of_another_kind_cannot_be_replayed() {
    assertThatThrownBy(
            () ->
                replay(
                    new WalletCreditsAdded(ALICE, "lot-0", 10, T0),
                    new BonusCreditsSubtracted(ALICE, SPENT, 5, List.of(new LotTaken("lot-0", 5)))))
        .isInstanceOf(AggregateReplayException.class)
        .hasMessageContaining("no open BONUS lot 'lot-0'");
  }
}
