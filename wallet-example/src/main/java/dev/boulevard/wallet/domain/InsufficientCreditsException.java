package dev.boulevard.wallet.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Thrown when a spend asks for more credits than the wallet has available; nothing is recorded. */
public final class InsufficientCreditsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String userId;
  private final EnumSet<CreditKind> kinds;
  private final long requested;
  private final long available;

  private InsufficientCreditsException(
      String userId, List<CreditKind> kinds, long requested, long available) {
    super(
        "Insufficient credits in the wallet of user '"
            + userId
            + "': requested "
            + requested
            + " "
            + kinds.stream().map(CreditKind::name).collect(Collectors.joining("+"))
            + " credits, "
            + available
            + " available");
    this.userId = userId;
    this.kinds = EnumSet.copyOf(kinds);
    this.requested = requested;
    this.available = available;
  }

  /**
   * Creates the exception for a spend that the available credits cannot cover.
   *
   * @param userId the wallet's user
   * @param kinds the kinds the spend may take from, in the order it takes them
   * @param requested the amount asked for
   * @param available the unexpired credits of those kinds
   * @return the exception
   */
  public static InsufficientCreditsException forSpend(
      String userId, List<CreditKind> kinds, long requested, long available) {
    return new InsufficientCreditsException(userId, kinds, requested, available);
  }

  /** {@return the id of the user whose wallet it is} */
  public String userId() {
    return userId;
  }

  /** {@return the kinds the spend could take from} */
  public Set<CreditKind> kinds() {
    return Collections.unmodifiableSet(kinds);
  }

  /** {@return the amount asked for} */
  public long requested() {
    return requested;
  }

  /** {@return the unexpired credits of those kinds when the spend was refused} */
  public long available() {
    return available;
  }
}
