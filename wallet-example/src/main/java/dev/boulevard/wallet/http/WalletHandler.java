package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.boulevard.eventstore.jdbc.StorageFailures;
import dev.boulevard.wallet.app.WalletApp;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request and turns every failure into the API's JSON error: a client's mistake into
 * its 4xx, a wallet whose stored history cannot be read into a 409, a database that cannot be
 * reached now into a 503, and only a fault of the server into a logged 500.
 */
final class WalletHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(WalletHandler.class);

  private final CommandRoute commands;
  private final QueryRoutes queries;
  private final Responses responses;

  WalletHandler(WalletApp app) {
    this.responses = new Responses(app.mapper());
    this.commands = new CommandRoute(app.commands(), new CommandRequests(app.mapper()), responses);
    this.queries = new QueryRoutes(app.queries(), responses);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(new Request(exchange), exchange);
      } catch (ApiException e) {
        responses.error(exchange, e);
      } catch (IOException e) {
        LOG.debug("Connection failed while handling {}", exchange.getRequestURI(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        responses.internalError(exchange);
      } catch (RuntimeException e) {
        failed(exchange, e);
      }
    }
  }

  /**
   * Answers a failure that is not the client's: a database away for now is a 503, a wallet whose
   * history cannot be read a 409 naming the event, anything else a logged 500.
   */
  private void failed(HttpExchange exchange, RuntimeException e) throws IOException {
    if (StorageFailures.isTransient(e)) {
      refused(exchange, e);
      responses.storageUnavailable(exchange);
      return;
    }
    Optional<ApiException> history = UnreadableHistory.describe(e);
    if (history.isPresent()) {
      refused(exchange, e);
      responses.error(exchange, history.get());
      return;
    }
    LOG.error("Failed to handle {} {}", exchange.getRequestMethod(), path(exchange), e);
    responses.internalError(exchange);
  }

  /** Logs a refusal in one line, no trace: while the database is down every request has one. */
  private static void refused(HttpExchange exchange, RuntimeException e) {
    LOG.warn("Refused {} {}: {}", exchange.getRequestMethod(), path(exchange), e.toString());
  }

  private static String path(HttpExchange exchange) {
    return Texts.shorten(String.valueOf(exchange.getRequestURI().getRawPath()));
  }

  private void route(Request request, HttpExchange exchange)
      throws IOException, InterruptedException {
    List<String> path = request.segments();
    if (path.equals(List.of("health"))) {
      request.requireMethod("GET");
      request.query(java.util.Set.of());
      responses.json(exchange, 200, Map.of("status", "up"));
    } else if (path.size() == 2 && path.get(0).equals("commands")) {
      commands.handle(request, path.get(1), exchange);
    } else if (path.size() >= 2 && path.size() <= 3 && path.get(0).equals("wallets")) {
      queries.wallet(request, path.get(1), path.size() == 3 ? path.get(2) : "", exchange);
    } else if (path.equals(List.of("audit"))) {
      queries.audit(request, exchange);
    } else if (path.equals(List.of("admin", "projections"))) {
      queries.fleet(request, exchange);
    } else {
      throw ApiException.notFound(request.path());
    }
  }
}
