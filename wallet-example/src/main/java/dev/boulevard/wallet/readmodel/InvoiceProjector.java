package dev.boulevard.wallet.readmodel;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Issues an invoice for each addition of WALLET or REFUND credits, numbered per year without gaps.
 *
 * <p>The counter is a read model of the same projection, so the invoice and the counter commit in
 * the batch's transaction with the checkpoint, and a rebuild, which replays the log in the same
 * order, issues the same numbers again.
 */
public final class InvoiceProjector extends Projector {

  private final ReadModelRepository<Invoice> invoices;
  private final ReadModelRepository<InvoiceCounter> counters;

  /** Creates a projector that writes to the given read models. */
  public InvoiceProjector(
      ReadModelRepository<Invoice> invoices, ReadModelRepository<InvoiceCounter> counters) {
    this.invoices = invoices;
    this.counters = counters;
    on(
        WalletCreditsAdded.class,
        (e, m) -> issue(m, e.lotId(), CreditKind.WALLET, e.amount(), e.addedAt()));
    on(
        RefundCreditsAdded.class,
        (e, m) -> issue(m, e.lotId(), CreditKind.REFUND, e.amount(), e.addedAt()));
  }

  private void issue(
      DomainMessage message, String lotId, CreditKind kind, long amount, Instant at) {
    int year = at.atZone(ZoneOffset.UTC).getYear();
    InvoiceCounter counter =
        counters.find(Integer.toString(year)).orElseGet(() -> InvoiceCounter.startOf(year)).next();
    counters.save(counter);
    invoices.save(
        new Invoice(counter.lastNumber(), message.aggregateId(), lotId, kind, amount, at));
  }
}
