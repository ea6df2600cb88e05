package dev.boulevard.wallet.readmodel;

import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelRepository;
import dev.boulevard.readmodel.testing.ProjectorScenario;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InvoiceProjectorTest {

  static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T23:59:59.999999Z");
  static final Instant NEW_YEAR = Instant.parse("2027-01-01T00:00:00Z");

  private final ReadModelRepository<InvoiceCounter> counters = InMemoryReadModelRepository.create();

  @Test
  void wallet_and_refund_additions_are_invoiced_in_order_and_bonus_is_not() {
    ProjectorScenario.<Invoice>forProjector(invoices -> new InvoiceProjector(invoices, counters))
        .withAggregateId("ada")
        .given(new WalletCreditsAdded("ada", "lot-1", 100, NEW_YEARS_EVE))
        .when(new BonusCreditsAdded("ada", "lot-2", 50, NEW_YEARS_EVE, NEW_YEAR))
        .then(new Invoice("2026/000001", "ada", "lot-1", CreditKind.WALLET, 100, NEW_YEARS_EVE))
        .when(new RefundCreditsAdded("ada", "lot-3", 30, NEW_YEARS_EVE, NEW_YEAR))
        .then(
            new Invoice("2026/000001", "ada", "lot-1", CreditKind.WALLET, 100, NEW_YEARS_EVE),
            new Invoice("2026/000002", "ada", "lot-3", CreditKind.REFUND, 30, NEW_YEARS_EVE));
  }

  @Test
  void numbering_starts_again_each_year_in_utc() {
    ProjectorScenario.<Invoice>forProjector(invoices -> new InvoiceProjector(invoices, counters))
        .withAggregateId("ada")
        .given(new WalletCreditsAdded("ada", "lot-1", 100, NEW_YEARS_EVE))
        .when(new WalletCreditsAdded("ada", "lot-2", 7, NEW_YEAR))
        .then(
            new Invoice("2026/000001", "ada", "lot-1", CreditKind.WALLET, 100, NEW_YEARS_EVE),
            new Invoice("2027/000001", "ada", "lot-2", CreditKind.WALLET, 7, NEW_YEAR));
  }
}
