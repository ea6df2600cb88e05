package dev.boulevard.wallet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers and the API's error body {@code {"error", "message"}}. */
final class Responses {

  private final ObjectMapper mapper;

  Responses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Sends a value as a JSON answer with the given status. */
  void json(HttpExchange exchange, int status, Object value) throws IOException {
    byte[] body = mapper.writeValueAsBytes(value);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends an error. */
  void error(HttpExchange exchange, ApiException error) throws IOException {
    if (error.allow() != null) {
      exchange.getResponseHeaders().set("Allow", error.allow());
    }
    json(exchange, error.status(), body(error.code(), error.getMessage()));
  }

  /** Sends a 500 that tells nothing of the fault but that it is the server's. */
  void internalError(HttpExchange exchange) throws IOException {
    json(exchange, 500, body("internal_error", "The server failed; the failure is logged"));
  }

  /**
   * Sends a 503 for a database that cannot be reached now (down, restarting, out of connections),
   * with a {@code Retry-After}: the client's request was sound and may be sent again.
   */
  void storageUnavailable(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Retry-After", "1");
    json(
        exchange,
        503,
        body(
            "storage_unavailable",
            "The database cannot be reached now; try again shortly. A command that got this answer"
                + " may have been recorded just before the connection was lost: send it again with"
                + " the same Idempotency-Key, which applies it at most once"));
  }

  private static Map<String, String> body(String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return body;
  }
}
