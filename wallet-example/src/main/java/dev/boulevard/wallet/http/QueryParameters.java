package dev.boulevard.wallet.http;

import dev.boulevard.wallet.domain.WalletLimits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalLong;

/** Reads the query parameters {@code after}, {@code asOf} and {@code limit}, strictly. */
final class QueryParameters {

  private QueryParameters() {}

  /** {@return the position to wait for, if {@code after} is given} */
  static OptionalLong after(Map<String, String> query) {
    String after = query.get("after");
    if (after == null) {
      return OptionalLong.empty();
    }
    long position = parseLong("after", after);
    if (position < 0) {
      throw ApiException.invalidRequest("Query parameter 'after' must be 0 or more");
    }
    return OptionalLong.of(position);
  }

  /** {@return the instant of {@code asOf}, or null if it is not given} */
  static Instant asOf(Map<String, String> query) {
    String asOf = query.get("asOf");
    if (asOf == null) {
      return null;
    }
    try {
      return Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidRequest(
          "Query parameter 'asOf' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  /** {@return the {@code limit}, from 1 to {@link WalletLimits#MAX_AUDIT_LIMIT}, or the default} */
  static int limit(Map<String, String> query) {
    String limit = query.get("limit");
    if (limit == null) {
      return WalletLimits.DEFAULT_AUDIT_LIMIT;
    }
    long value = parseLong("limit", limit);
    if (value < 1 || value > WalletLimits.MAX_AUDIT_LIMIT) {
      throw ApiException.invalidRequest(
          "Query parameter 'limit' must be from 1 to " + WalletLimits.MAX_AUDIT_LIMIT);
    }
    return (int) value;
  }

  private static long parseLong(String name, String value) {
    if (!value.matches("-?[0-9]{1," + WalletLimits.MAX_NUMBER_DIGITS + "}")) {
      throw ApiException.invalidRequest("Query parameter '" + name + "' must be a whole number");
    }
    return Long.parseLong(value);
  }
}
