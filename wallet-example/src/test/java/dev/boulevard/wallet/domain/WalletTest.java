package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.TestWallets.ALICE;
import static dev.boulevard.wallet.domain.TestWallets.NINETY_DAYS;
import static dev.boulevard.wallet.domain.TestWallets.T0;
import static dev.boulevard.wallet.domain.TestWallets.replay;
import static dev.boulevard.wallet.domain.TestWallets.walletScenario;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.SPENT;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The wallet aggregate on its own: its queries, its clock, and what its failures say. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalletTest {

  @Test
  void timestamps_come_from_the_given_clock_truncated_to_the_microsecond() {
    var clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00.123456789Z"), ZoneOffset.UTC);
    var addedAt = Instant.parse("2026-03-01T10:00:00.123456Z");
    walletScenario()
        .whenCreating(() -> Wallet.create(ALICE, CreditKind.BONUS, 5, clock))
        .then(new BonusCreditsAdded(ALICE, "lot-0", 5, addedAt, addedAt.plus(NINETY_DAYS)));
  }

  @Test
  void balances_name_every_kind_even_when_it_holds_nothing() {
    Wallet wallet = replay(new WalletCreditsAdded(ALICE, "lot-0", 100, T0));
    assertThat(wallet.balances(T0))
        .containsExactly(
            entry(CreditKind.WALLET, 100L),
            entry(CreditKind.BONUS, 0L),
            entry(CreditKind.REFUND, 0L));
    assertThat(wallet.total(T0)).isEqualTo(100);
  }

  @Test
  void open_lots_are_those_holding_credits_in_the_order_they_would_be_spent() {
    Wallet wallet =
        replay(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new RefundCreditsAdded(ALICE, "lot-1", 20, T0, T0.plus(NINETY_DAYS)),
            new BonusCreditsAdded(ALICE, "lot-2", 30, T0, T0.plus(NINETY_DAYS)),
            new BonusCreditsAdded(ALICE, "lot-3", 40, T0, T0.plus(NINETY_DAYS)),
            new BonusCreditsSubtracted(
                ALICE, SPENT, 35, List.of(new LotTaken("lot-2", 30), new LotTaken("lot-3", 5))));
    assertThat(wallet.openLots(T0))
        .containsExactly(
            new Lot("lot-3", CreditKind.BONUS, 35, T0, T0.plus(NINETY_DAYS)),
            new Lot("lot-1", CreditKind.REFUND, 20, T0, T0.plus(NINETY_DAYS)),
            new Lot("lot-0", CreditKind.WALLET, 100, T0, null));
    assertThat(wallet.total(T0)).isEqualTo(155);
  }

  @Test
  void a_new_lot_after_a_replay_continues_the_ids_from_the_playhead() {
    walletScenario()
        .given(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new WalletCreditsSubtracted(ALICE, SPENT, 10, List.of(new LotTaken("lot-0", 10))))
        .when(wallet -> wallet.add(CreditKind.WALLET, 1, Clock.fixed(T0, ZoneOffset.UTC)))
        .then(new WalletCreditsAdded(ALICE, "lot-2", 1, T0))
        .when(wallet -> wallet.add(CreditKind.WALLET, 2, Clock.fixed(T0, ZoneOffset.UTC)))
        .then(new WalletCreditsAdded(ALICE, "lot-3", 2, T0));
  }

  @Test
  void an_insufficient_spend_names_user_kinds_requested_and_available_and_records_nothing() {
    Wallet wallet =
        replay(
            new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
            new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS)));
    var clock = Clock.fixed(T0, ZoneOffset.UTC);
    assertThatThrownBy(() -> wallet.spendAcrossKinds(151, clock))
        .isInstanceOfSatisfying(
            InsufficientCreditsException.class,
            e -> {
              assertThat(e.userId()).isEqualTo(ALICE);
              assertThat(e.kinds()).containsExactlyInAnyOrder(CreditKind.values());
              assertThat(e.requested()).isEqualTo(151);
              assertThat(e.available()).isEqualTo(150);
            })
        .hasMessage(
            "Insufficient credits in the wallet of user 'alice': requested 151"
                + " BONUS+REFUND+WALLET credits, 150 available");
    assertThat(wallet.uncommittedEvents()).isEmpty();
    assertThat(wallet.total(T0)).isEqualTo(150);
  }

  @Test
  void the_aggregate_checks_amounts_itself() {
    Wallet wallet = replay(new WalletCreditsAdded(ALICE, "lot-0", 100, T0));
    var clock = Clock.fixed(T0, ZoneOffset.UTC);
    assertThatThrownBy(() -> wallet.add(CreditKind.BONUS, 0, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("An amount is 1 to 1000000000000 credits, not 0");
    assertThatThrownBy(() -> wallet.spend(CreditKind.WALLET, -5, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not -5");
    assertThatThrownBy(() -> Wallet.create(ALICE, CreditKind.WALLET, 1_000_000_000_001L, clock))
        .hasMessageContaining("not 1000000000001");
    assertThat(wallet.uncommittedEvents()).isEmpty();
  }

  @Test
  void lots_of_one_kind_are_ordered_by_expiry_then_addition_then_id() {
    var later = T0.plus(Duration.ofDays(1));
    var lots =
        List.of(
            new Lot("lot-10", CreditKind.WALLET, 1, T0, null),
            new Lot("lot-2", CreditKind.WALLET, 1, later, null),
            new Lot("lot-9", CreditKind.WALLET, 1, T0, null),
            new Lot("lot-1", CreditKind.BONUS, 1, later, T0.plus(NINETY_DAYS)),
            new Lot("lot-0", CreditKind.BONUS, 1, T0, later.plus(NINETY_DAYS)));
    assertThat(lots.stream().sorted(Lot.SPEND_ORDER).map(Lot::lotId))
        .containsExactly("lot-1", "lot-0", "lot-9", "lot-10", "lot-2");
  }
}
