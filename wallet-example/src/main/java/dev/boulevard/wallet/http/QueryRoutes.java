package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import dev.boulevard.wallet.app.WalletQueries;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** The {@code GET} routes: a wallet's credits, invoices and events, and the audit log. */
final class QueryRoutes {

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
    awaitAfter(query);
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
    awaitAfter(query);
    responses.json(exchange, 200, queries.audit(limit));
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

  private void awaitAfter(Map<String, String> query) throws InterruptedException {
    OptionalLong after = QueryParameters.after(query);
    if (after.isPresent()) {
      queries.awaitPosition(after.getAsLong()); // at most 5 s; then answer what is there
    }
  }

  private static ApiException notFound(String userId) {
    return ApiException.walletNotFound("Wallet '" + userId + "' not found");
  }
}
