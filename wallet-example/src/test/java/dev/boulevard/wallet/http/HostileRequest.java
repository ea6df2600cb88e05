package dev.boulevard.wallet.http;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One hostile request that the API must refuse: what kind of hostility it is, the request, and the
 * statuses it may be answered with.
 */
record HostileRequest(
    String category, String method, String path, byte[] body, Set<Integer> statuses) {

  /** The statuses of a request the API must refuse as the client's mistake. */
  static final Set<Integer> REFUSED = Set.of(400, 404, 405, 413);

  static HostileRequest post(String category, String path, byte[] body) {
    return new HostileRequest(category, "POST", path, body, Set.of(400, 413));
  }

  static HostileRequest post(String category, String path, String body) {
    return post(category, path, body.getBytes(StandardCharsets.UTF_8));
  }

  static HostileRequest get(String category, String path) {
    return new HostileRequest(category, "GET", path, new byte[0], REFUSED);
  }

  /** {@return the request as a person can read it, the body cut short and escaped} */
  String describe() {
    var text = new StringBuilder(method).append(' ').append(path);
    if (body.length > 0) {
      text.append(" (").append(body.length).append(" bytes) ");
      String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      start
          .codePoints()
          .forEach(
              c -> {
                if (c < 0x20 || c > 0x7e) {
                  text.append(String.format("\\u%04x", c));
                } else {
                  text.appendCodePoint(c);
                }
              });
    }
    return text.toString();
  }
}
