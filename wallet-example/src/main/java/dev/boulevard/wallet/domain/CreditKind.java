package dev.boulevard.wallet.domain;

import java.time.Duration;
import java.util.Optional;

/** The three kinds of credits a wallet holds. */
public enum CreditKind {
  /** Paid for: never expires, invoiced. */
  WALLET(null, true),
  /** A gift: expires 90 days after being added, never invoiced. */
  BONUS(Duration.ofDays(90), false),
  /** Money returned as credits: expires 90 days after being added, invoiced. */
  REFUND(Duration.ofDays(90), true);

  private final Duration lifetime;
  private final boolean invoiced;

  CreditKind(Duration lifetime, boolean invoiced) {
    this.lifetime = lifetime;
    this.invoiced = invoiced;
  }

  /** {@return how long a lot of this kind lasts after being added, if it expires at all} */
  public Optional<Duration> lifetime() {
    return Optional.ofNullable(lifetime);
  }

  /** {@return whether each addition of this kind is invoiced} */
  public boolean invoiced() {
    return invoiced;
  }
}
