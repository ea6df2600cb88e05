package dev.boulevard.wallet.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of hostile HTTP requests to every route of the API: command bodies (see {@link
 * HostileBodies}), user ids in paths, query parameters, methods and unknown paths.
 */
final class HostileRequests {

  static final List<String> COMMANDS =
      List.of(
          "AddWalletCredits",
          "AddBonusCredits",
          "AddRefundCredits",
          "SubWalletCredits",
          "SubBonusCredits",
          "SubRefundCredits",
          "SubCredits",
          "ExpireCredits");

  private static final List<String> VIEWS = List.of("", "/invoices", "/events");

  private static final List<String> BAD_IDS =
      List.of(
          "",
          "a".repeat(65),
          "a".repeat(5_000),
          "victim\u0000",
          "vi ctim",
          "..",
          "victim/..",
          "\u202emitciv",
          "v\u0456ctim",
          "\ud83d\ude00",
          "\ufeffvictim",
          "victim\n");

  private static final List<String> BAD_NUMBERS =
      List.of(
          "",
          "-1",
          "1.5",
          "1e3",
          "0x10",
          "NaN",
          " 1",
          "1 ",
          "+1",
          "\uff11",
          "99999999999999999999",
          "-9223372036854775809",
          "1,2",
          "null",
          "[1]");

  private static final List<String> BAD_INSTANTS =
      List.of(
          "",
          "yesterday",
          "now",
          "2026-13-01T00:00:00Z",
          "2026-01-32T00:00:00Z",
          "2026-01-01",
          "2026-01-01T25:00:00Z",
          "2026-01-01T00:00:00",
          "1767225600",
          "2026-01-01T00:00:00Z'",
          "+99999999999-01-01T00:00:00Z");

  private static final List<String> UNKNOWN_PATHS =
      List.of(
          "/",
          "/nothing",
          "//health",
          "/HEALTH",
          "/health/",
          "/health/x",
          "/commands",
          "/commands/",
          "/commands/AddWalletCredits/x",
          "/commands//AddWalletCredits",
          "/wallets",
          "/wallets/victim/other",
          "/wallets/victim/events/1",
          "/wallets/victim/invoices/x",
          "/audit/",
          "/audit/x",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/wallets%2Fvictim",
          "/commands/addwalletcredits",
          "/commands/AddWalletCredits%00",
          "/commands/AddMoney",
          "/commands/%27%3B%20DROP%20TABLE%20wallet_events%3B--");

  private static final List<String> METHODS =
      List.of("PUT", "DELETE", "PATCH", "OPTIONS", "FOO", "get", "post");

  private final Random random;
  private final List<String> wallets;
  private final HostileBodies bodies;

  HostileRequests(Random random, List<String> wallets) {
    this.random = random;
    this.wallets = wallets;
    this.bodies = new HostileBodies(random, wallets);
  }

  /** {@return the next hostile request} */
  HostileRequest next() {
    int kind = random.nextInt(HostileBodies.CATEGORIES.size() + 4);
    if (kind < HostileBodies.CATEGORIES.size()) {
      String category = HostileBodies.CATEGORIES.get(kind);
      String command = pick(COMMANDS);
      return HostileRequest.post(category, "/commands/" + command, bodies.make(category, command));
    }
    return switch (kind - HostileBodies.CATEGORIES.size()) {
      case 0 -> HostileRequest.get("path-user", "/wallets/" + encode(badId()) + pick(VIEWS));
      case 1 -> query();
      case 2 -> method();
      default -> HostileRequest.get("unknown-path", pick(UNKNOWN_PATHS));
    };
  }

  private String badId() {
    return random.nextBoolean() ? pick(BAD_IDS) : pick(wallets) + pick(HostileValues.INJECTIONS);
  }

  private HostileRequest query() {
    String wallet = "/wallets/" + pick(wallets);
    String after = "after=" + encode(pick(BAD_NUMBERS));
    String asOf = "asOf=" + encode(pick(BAD_INSTANTS));
    String limit = "limit=" + encode(random.nextBoolean() ? pick(BAD_NUMBERS) : "1001");
    String attack = encode(pick(HostileValues.INJECTIONS));
    String path =
        switch (random.nextInt(10)) {
          case 0 -> wallet + "?" + after;
          case 1 -> wallet + "?" + asOf;
          case 2 -> wallet + pick(VIEWS) + "?" + limit;
          case 3 -> wallet + "/invoices?asOf=2026-01-01T00:00:00Z";
          case 4 -> "/audit?" + limit;
          case 5 -> "/audit?" + (random.nextBoolean() ? after : "limit=5&limit=5");
          case 6 -> wallet + "?after=1&after=1";
          case 7 -> wallet + pick(VIEWS) + "?" + attack + "=1";
          case 8 -> "/health?" + (random.nextBoolean() ? "after=1" : attack);
          default -> wallet + "?" + pick(List.of("=1", "&", "after", "a=1&&", "after=1;asOf=x"));
        };
    return HostileRequest.get("query", path);
  }

  private HostileRequest method() {
    String method = pick(METHODS);
    String path =
        switch (random.nextInt(4)) {
          case 0 -> "/commands/" + pick(COMMANDS);
          case 1 -> "/wallets/" + pick(wallets) + pick(VIEWS);
          case 2 -> "/audit";
          default -> "/health";
        };
    if (path.startsWith("/commands/") && method.equals("post")) {
      method = "GET";
    } else if (!path.startsWith("/commands/") && method.equals("get")) {
      method = "POST";
    }
    byte[] body = HostileBodies.utf8("{\"userId\":\"" + pick(wallets) + "\",\"amount\":1}");
    return new HostileRequest("method", method, path, body, Set.of(405));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
