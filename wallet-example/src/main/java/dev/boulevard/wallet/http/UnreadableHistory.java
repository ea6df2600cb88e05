package dev.boulevard.wallet.http;

import dev.boulevard.eventsourcing.AggregateReplayException;
import dev.boulevard.eventstore.jdbc.UnreadableEventException;
import dev.boulevard.wallet.domain.WalletLimits;
import java.util.Optional;

/**
 * Recognises a wallet whose stored history cannot be read or replayed, and says which event: the
 * client asked for nothing wrong, but the wallet's data is, so it is a 409, not a 500.
 */
final class UnreadableHistory {

  private UnreadableHistory() {}

  /** {@return the API's error for a failure caused by an unreadable history, if it is one} */
  static Optional<ApiException> describe(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < WalletLimits.MAX_REASON_CAUSES; depth++) {
      if (cause instanceof UnreadableEventException unreadable) {
        return Optional.of(unreadable(unreadable));
      }
      if (cause instanceof AggregateReplayException replay) {
        return Optional.of(
            ApiException.unreadableHistory(
                "The wallet's history cannot be replayed: " + reason(replay)));
      }
      cause = cause.getCause();
    }
    return Optional.empty();
  }

  private static ApiException unreadable(UnreadableEventException e) {
    UnreadableEventException.StoredRow row = e.row();
    return ApiException.unreadableHistory(
        "Wallet '"
            + row.aggregateId()
            + "' has a stored event that cannot be read: playhead "
            + row.playhead()
            + ", type '"
            + row.type()
            + "' version "
            + row.version()
            + ", position "
            + row.position()
            + ": "
            + reason(e.getCause() == null ? e : e.getCause()));
  }

  /** {@return the first line of a failure's message, kept short: stored data can be long} */
  private static String reason(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.lines().findFirst().orElse("");
    int max = WalletLimits.MAX_REASON_LENGTH;
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }
}
