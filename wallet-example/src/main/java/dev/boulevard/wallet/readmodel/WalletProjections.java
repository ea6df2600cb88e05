package dev.boulevard.wallet.readmodel;

import dev.boulevard.readmodel.projection.TrackingProjection;
import java.util.List;

/** The wallet's tracking projections and the names of their read models. */
public final class WalletProjections {

  /** The projection that keeps each wallet's credits. */
  public static final String CREDITS = "credits";

  /** The projection that issues invoices. */
  public static final String INVOICES = "invoices";

  /** The read model of each wallet's credits. */
  public static final String CREDITS_MODEL = "wallet_credits";

  /** The read model of the invoices. */
  public static final String INVOICES_MODEL = "invoices";

  /** The read model of the last invoice number of each year. */
  public static final String COUNTERS_MODEL = "invoice_counters";

  private WalletProjections() {}

  /** {@return both projections, credits first} */
  public static List<TrackingProjection> all() {
    return List.of(credits(), invoices());
  }

  /** {@return the projection that keeps each wallet's credits} */
  public static TrackingProjection credits() {
    return TrackingProjection.named(CREDITS)
        .readModel(CREDITS_MODEL, WalletCredits.class)
        .projector(
            models -> new CreditsProjector(models.repository(CREDITS_MODEL, WalletCredits.class)));
  }

  /** {@return the projection that issues invoices, with its per-year counters} */
  public static TrackingProjection invoices() {
    return TrackingProjection.named(INVOICES)
        .readModel(INVOICES_MODEL, Invoice.class)
        .readModel(COUNTERS_MODEL, InvoiceCounter.class)
        .projector(
            models ->
                new InvoiceProjector(
                    models.repository(INVOICES_MODEL, Invoice.class),
                    models.repository(COUNTERS_MODEL, InvoiceCounter.class)));
  }
}
