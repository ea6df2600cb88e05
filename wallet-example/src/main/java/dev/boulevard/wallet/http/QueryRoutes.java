package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.wallet.app.WalletQueries;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code GET} routes: a wallet's credits, invoices and events, the audit log, and who runs the
 * projections.
 */
final class QueryRoutes {

  /**
   * The response header that says why a read with {@code ?after=} answers what is there without the
   * position: a parked read model or process manager, or the wait's timeout.
   */
  static final String STALE_HEADER = "Boulevard-Stale";

  private static final Logger LOG = LoggerFactory.getLogger(QueryRoutes.class);

  private final WalletQueries queries;
  private final Responses responses;

  QueryRoutes(WalletQueries queries, Responses responses) {
    this.queries = queries;
    this.responses = responses;
  }

  void wallet(Request request, String userId, String view, HttpExchange exchange)
      throws IOException, InterruptedException {
    if (!Set.of("", "invoices", "events").contains(view)) {
      throw ApiException.notFound(request.path());
    }
    request.requireMethod("GET");
    Map<String, String> query =
        request.query(view.isEmpty() ? Set.of("after", "asOf") : Set.of("after"));
    UserIds.check(userId);
    Instant asOf = QueryParameters.asOf(query);
    awaitAfter(query, exchange);
    Object answer =
        switch (view) {
          case "invoices" -> queries.invoices(userId).orElseThrow(() -> notFound(userId));
          case "events" -> events(userId);
          default -> credits(userId, asOf);
        };
    responses.json(exchange, 200, answer);
  }

  void audit(Request request, HttpExchange exchange) throws IOException, InterruptedException {
    request.requireMethod("GET");
    Map<String, String> query = request.query(Set.of("after", "limit"));
    int limit = QueryParameters.limit(query);
    awaitAfter(query, exchange);
    responses.json(exchange, 200, queries.audit(limit));
  }

  /** {@code GET /admin/projections}: each projection's and process manager's lease and progress. */
  void fleet(Request request, HttpExchange exchange) throws IOException {
    request.requireMethod("GET");
    request.query(Set.of());
    responses.json(exchange, 200, queries.fleet());
  }

  private Object credits(String userId, Instant asOf) {
    return (asOf == null ? queries.credits(userId) : queries.creditsAsOf(userId, asOf))
        .orElseThrow(() -> notFound(userId));
  }

  private Object events(String userId) {
    List<?> events = queries.events(userId);
    if (events.isEmpty()) {
      throw notFound(userId);
    }
    return events;
  }

  private void awaitAfter(Map<String, String> query, HttpExchange exchange)
      throws InterruptedException {
    OptionalLong after = QueryParameters.after(query);
    if (after.isPresent()) {
      // at most 5 s; then answer what is there, saying why it may not hold the position
      AwaitOutcome outcome = queries.awaitOutcome(after.getAsLong());
      Optional<String> stale = stale(outcome, after.getAsLong());
      if (stale.isPresent()) {
        if (outcome instanceof AwaitOutcome.Stuck) {
          LOG.warn("Answering ?after={} without it: {}", after.getAsLong(), stale.get());
        }
        exchange.getResponseHeaders().set(STALE_HEADER, stale.get());
      }
    }
  }

  /**
   * {@return the {@value #STALE_HEADER} header's value for a wait's outcome, or empty if the wait
   * reached the position}
   */
  static Optional<String> stale(AwaitOutcome outcome, long after) {
    if (outcome instanceof AwaitOutcome.Stuck stuck) {
      return Optional.of(
          headerSafe(
              "parked "
                  + stuck.follower()
                  + " at position "
                  + stuck.position()
                  + " ("
                  + stuck.storedType()
                  + ")"));
    }
    return outcome.reached()
        ? Optional.empty()
        : Optional.of("timed out waiting for position " + after);
  }

  /** {@return the text with anything but printable ASCII replaced, so that it fits a header} */
  private static String headerSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.chars().forEach(c -> safe.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
    return safe.toString();
  }

  private static ApiException notFound(String userId) {
    return ApiException.walletNotFound("Wallet '" + userId + "' not found");
  }
}
