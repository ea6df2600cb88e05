package dev.boulevard.wallet.http;

import dev.boulevard.wallet.domain.WalletLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Makes command bodies that are invalid by construction, each from a valid command on a seeded
 * wallet: truncated, with stray bytes, huge, of wrong types, with missing, extra or duplicate keys,
 * deeply nested, with odd Unicode, out-of-range numbers or injection attempts.
 */
final class HostileBodies {

  static final List<String> CATEGORIES =
      List.of(
          "truncated",
          "stray-bytes",
          "huge",
          "wrong-type",
          "keys",
          "nesting",
          "unicode",
          "number",
          "injection");

  /** Bytes that no valid command holds anywhere: each breaks the JSON, a key or the user id. */
  private static final byte[] STRAY = {
    '#', ';', '\'', '@', '(', '`', 0x01, 0x1f, 0x7f, (byte) 0xff, (byte) 0xc0, (byte) 0x80
  };

  private final Random random;
  private final List<String> wallets;

  HostileBodies(Random random, List<String> wallets) {
    this.random = random;
    this.wallets = wallets;
  }

  /** {@return a hostile body of a category for a command} */
  byte[] make(String category, String command) {
    boolean takesAmount = !command.equals("ExpireCredits");
    String userId = quote(pick(wallets));
    String amount = String.valueOf(1 + random.nextInt(1_000));
    return switch (category) {
      case "truncated" -> truncated(object(userId, takesAmount ? amount : null));
      case "stray-bytes" -> stray(object(userId, takesAmount ? amount : null));
      case "huge" -> huge(userId, amount);
      case "wrong-type" -> wrongType(userId, amount, takesAmount);
      case "keys" -> utf8(HostileValues.keys(random, userId, amount, takesAmount));
      case "nesting" -> utf8(nesting(userId, amount));
      case "unicode" -> unicode(amount, takesAmount);
      case "number" -> utf8(object(userId, pick(HostileValues.NUMBERS)));
      case "injection" -> utf8(injection(userId, amount, takesAmount));
      default -> throw new IllegalArgumentException(category);
    };
  }

  /** {@return a command's JSON object with random whitespace between its tokens} */
  private String object(String userId, String amount) {
    String body = "{" + gap() + "\"userId\"" + gap() + ":" + gap() + userId + gap();
    if (amount != null) {
      body += "," + gap() + "\"amount\"" + gap() + ":" + gap() + amount + gap();
    }
    return body + "}";
  }

  private byte[] truncated(String valid) {
    return utf8(valid.substring(0, random.nextInt(valid.length())));
  }

  private byte[] stray(String valid) {
    byte[] bytes = utf8(valid);
    var out = new ByteArrayOutputStream();
    int at = random.nextInt(bytes.length + 1);
    out.write(bytes, 0, at);
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      out.write(STRAY[random.nextInt(STRAY.length)]);
    }
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  private byte[] huge(String userId, String amount) {
    int limit = WalletLimits.MAX_BODY_BYTES;
    return switch (random.nextInt(4)) {
      // over the limit, however valid the command in it
      case 0 -> utf8(object(userId, amount) + " ".repeat(limit + random.nextInt(16 * 1024)));
      // a user id far too long, in a body up to the limit
      case 1 -> utf8(object(quote("a".repeat(65 + random.nextInt(limit - 200))), amount));
      // an unknown field holding a long string, around the limit
      case 2 ->
          utf8(
              "{\"userId\":"
                  + userId
                  + ",\"amount\":"
                  + amount
                  + ",\"note\":\""
                  + "x".repeat(limit - 200 + random.nextInt(400))
                  + "\"}");
      // a long array where a number belongs
      default -> utf8(object(userId, "[" + "1,".repeat(random.nextInt(limit / 2)) + "1]"));
    };
  }

  private byte[] wrongType(String userId, String amount, boolean takesAmount) {
    if (!takesAmount || random.nextBoolean()) {
      return utf8(object(pick(HostileValues.NOT_STRINGS), takesAmount ? amount : null));
    }
    return utf8(object(userId, pick(HostileValues.NOT_INTEGERS)));
  }

  private String nesting(String userId, String amount) {
    int depth = WalletLimits.MAX_JSON_NESTING + 1 + random.nextInt(20_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    String deep = open.repeat(depth) + "1" + close.repeat(depth);
    return switch (random.nextInt(3)) {
      case 0 -> deep;
      case 1 -> object(userId, deep);
      default -> object(deep, amount);
    };
  }

  private byte[] unicode(String amount, boolean takesAmount) {
    String wallet = pick(wallets);
    int at = random.nextInt(wallet.length() + 1);
    byte[] odd = pick(HostileValues.ODD_UNICODE);
    var id = new ByteArrayOutputStream();
    id.writeBytes(utf8("\"" + wallet.substring(0, at)));
    id.writeBytes(odd);
    id.writeBytes(utf8(wallet.substring(at) + "\""));
    String marker = "\u0000ID\u0000";
    byte[] template = utf8(object(marker, takesAmount ? amount : null));
    return replace(template, utf8(marker), id.toByteArray());
  }

  private String injection(String userId, String amount, boolean takesAmount) {
    String attack = pick(HostileValues.INJECTIONS);
    return switch (random.nextInt(takesAmount ? 3 : 2)) {
      case 0 -> object(quote(pick(wallets) + attack), takesAmount ? amount : null);
      case 1 -> "{\"userId\":" + userId + "," + quote(attack) + ":" + amount + "}";
      default -> object(userId, quote(attack));
    };
  }

  private String gap() {
    return switch (random.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n\t ";
      default -> "";
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** {@return a JSON string literal of a text, escaping only quotes and backslashes} */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] replace(byte[] bytes, byte[] marker, byte[] with) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
    var out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(with);
    out.write(bytes, at + marker.length, bytes.length - at - marker.length);
    return out.toByteArray();
  }
}
