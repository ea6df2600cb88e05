package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.wallet.domain.WalletLimits;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a command's optional {@code Idempotency-Key} header: 1 to {@link
 * WalletLimits#MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, 0x21 to 0x7E (no spaces, as
 * HTTP trims them from a header's ends anyway). Every key of the API is in one scope, so a key sent
 * before with any other command, of another user or type, is a reuse.
 */
final class IdempotencyKeys {

  /** The request header. */
  static final String HEADER = "Idempotency-Key";

  /** The answer's header that marks a repeat: the command ran for an earlier request. */
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** The scope of every key sent to the HTTP API. */
  static final String SCOPE = "wallet-http";

  private IdempotencyKeys() {}

  /**
   * {@return the request's key, or empty if it sent none}
   *
   * @throws ApiException 400 naming the header and what is wrong with it
   */
  static Optional<IdempotencyKey> read(HttpExchange exchange) {
    List<String> values = exchange.getRequestHeaders().get(HEADER);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw ApiException.invalidRequest(
          HEADER + " is given " + values.size() + " times; send one key per command");
    }
    return Optional.of(IdempotencyKey.of(SCOPE, check(values.get(0))));
  }

  private static String check(String key) {
    int max = WalletLimits.MAX_IDEMPOTENCY_KEY_LENGTH;
    if (key.isEmpty() || key.length() > max) {
      throw ApiException.invalidRequest(
          HEADER + " must be 1 to " + max + " characters, not " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw ApiException.invalidRequest(
            HEADER
                + " must be visible ASCII characters only (0x21 to 0x7E), not "
                + String.format(Locale.ROOT, "0x%02X", (int) c)
                + " at index "
                + i);
      }
    }
    return key;
  }
}
