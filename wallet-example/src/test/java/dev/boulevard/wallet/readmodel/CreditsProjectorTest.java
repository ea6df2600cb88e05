package dev.boulevard.wallet.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.readmodel.testing.ProjectorScenario;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.Reason;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreditsProjectorTest {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant EXPIRY = T0.plus(Duration.ofDays(90));

  @Test
  void an_addition_opens_a_lot() {
    ProjectorScenario.forProjector(CreditsProjector::new)
        .withAggregateId("ada")
        .when(new BonusCreditsAdded("ada", "lot-1", 50, T0, EXPIRY))
        .then(
            new WalletCredits(
                "ada", List.of(new OpenLot("lot-1", CreditKind.BONUS, 50, T0, EXPIRY))));
  }

  @Test
  void a_subtraction_takes_from_the_named_lots_and_an_emptied_lot_goes() {
    ProjectorScenario.forProjector(CreditsProjector::new)
        .withAggregateId("ada")
        .given(
            new WalletCreditsAdded("ada", "lot-1", 100, T0),
            new BonusCreditsAdded("ada", "lot-2", 50, T0, EXPIRY))
        .when(
            new BonusCreditsSubtracted("ada", Reason.SPENT, 50, List.of(new LotTaken("lot-2", 50))))
        .then(
            new WalletCredits(
                "ada", List.of(new OpenLot("lot-1", CreditKind.WALLET, 100, T0, null))))
        .when(
            new WalletCreditsSubtracted(
                "ada", Reason.SPENT, 30, List.of(new LotTaken("lot-1", 30))))
        .then(
            new WalletCredits(
                "ada", List.of(new OpenLot("lot-1", CreditKind.WALLET, 70, T0, null))));
  }

  @Test
  void balances_leave_out_lots_past_their_expiry_before_it_is_recorded() {
    var credits =
        WalletCredits.empty("ada")
            .plus(new OpenLot("lot-1", CreditKind.WALLET, 100, T0, null))
            .plus(new OpenLot("lot-2", CreditKind.BONUS, 50, T0, EXPIRY));
    assertThat(credits.balances(EXPIRY.minusNanos(1000)))
        .isEqualTo(Map.of(CreditKind.WALLET, 100L, CreditKind.BONUS, 50L, CreditKind.REFUND, 0L));
    assertThat(credits.balances(EXPIRY))
        .isEqualTo(Map.of(CreditKind.WALLET, 100L, CreditKind.BONUS, 0L, CreditKind.REFUND, 0L));
    assertThat(credits.availableLots(EXPIRY)).extracting(OpenLot::lotId).containsExactly("lot-1");
  }
}
