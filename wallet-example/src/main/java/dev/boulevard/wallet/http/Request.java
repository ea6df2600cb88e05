package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import dev.boulevard.wallet.domain.WalletLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One HTTP request, read carefully: path segments, strict query parameters, a bounded body. */
final class Request {

  private final HttpExchange exchange;
  private final List<String> segments;

  Request(HttpExchange exchange) {
    this.exchange = exchange;
    String path = exchange.getRequestURI().getRawPath();
    this.segments =
        path == null || path.length() < 2
            ? List.of()
            : Arrays.asList(path.substring(1).split("/", -1));
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return String.valueOf(exchange.getRequestURI().getRawPath());
  }

  /** {@return the raw path's segments, without the leading slash: {@code /a/b} is [a, b]} */
  List<String> segments() {
    return segments;
  }

  /** Refuses any method but the given one with a 405. */
  void requireMethod(String allowed) {
    if (!allowed.equals(method())) {
      throw ApiException.methodNotAllowed(method(), allowed);
    }
  }

  /**
   * Reads the query parameters, refusing unknown, repeated or undecodable ones.
   *
   * @param allowed the names this route accepts
   * @return the parameters by name
   */
  Map<String, String> query(Set<String> allowed) {
    String raw = exchange.getRequestURI().getRawQuery();
    Map<String, String> parameters = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!allowed.contains(name)) {
        throw ApiException.invalidRequest(
            "Unknown query parameter '" + Texts.shorten(name) + "'; allowed: " + allowed);
      }
      if (parameters.put(name, value) != null) {
        throw ApiException.invalidRequest("Query parameter '" + name + "' is given twice");
      }
    }
    return parameters;
  }

  /**
   * Reads the body, at most {@link WalletLimits#MAX_BODY_BYTES} bytes and one more: a larger body
   * is refused without reading the rest, whatever length it declares; the server drains a little of
   * what is left and then closes the connection.
   *
   * @return the body's bytes
   * @throws IOException if the connection fails
   */
  byte[] body() throws IOException {
    // Not closed here: closing drains the rest, which must wait until the answer is sent.
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(WalletLimits.MAX_BODY_BYTES + 1);
    if (body.length > WalletLimits.MAX_BODY_BYTES) {
      throw ApiException.payloadTooLarge(WalletLimits.MAX_BODY_BYTES);
    }
    return body;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidRequest("Malformed query string");
    }
  }
}
