package dev.boulevard.wallet.http;

import static dev.boulevard.wallet.http.HostileBodies.utf8;

import java.util.List;
import java.util.Random;

/** The hostile values the fuzzer draws from: none of them is valid where it is put. */
final class HostileValues {

  /** JSON for an amount that is out of range, not an integer, or not JSON at all. */
  static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "-1",
          "00",
          "010",
          "+5",
          ".5",
          "5.",
          "1.5",
          "1.0",
          "-0.0",
          "1e3",
          "1E2",
          "1e-5",
          "1e308",
          "-1e308",
          "4.9e-324",
          "0x10",
          "NaN",
          "\"NaN\"",
          "Infinity",
          "-Infinity",
          "\"Infinity\"",
          "1000000000001",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "18446744073709551616",
          "123456789012345678901234567890123456789");

  /** JSON values that are not strings, for a user id. */
  static final List<String> NOT_STRINGS =
      List.of(
          "123",
          "-1",
          "1.5",
          "1e308",
          "true",
          "false",
          "null",
          "[]",
          "[\"victim\"]",
          "{}",
          "{\"id\":\"victim\"}");

  /** JSON values that are not integers, for an amount. */
  static final List<String> NOT_INTEGERS =
      List.of(
          "\"10\"",
          "\"\"",
          "true",
          "false",
          "null",
          "[10]",
          "[]",
          "{\"value\":10}",
          "{}",
          "10.0",
          "1.5");

  /** Bytes to put inside a user id's JSON string: escapes, raw code points and broken UTF-8. */
  static final List<byte[]> ODD_UNICODE =
      List.of(
          utf8("\\ud800"),
          utf8("\\udc00"),
          utf8("\\ud83d"),
          utf8("\\ud83d\\ude00"),
          utf8("\\u0000"),
          utf8("\\u001b"),
          utf8("\\u202e"),
          new byte[] {0x00},
          new byte[] {0x01},
          new byte[] {0x1b},
          utf8("\u202e"),
          utf8("\u200f"),
          utf8("\u200b"),
          utf8("\ufeff"),
          utf8("\u00a0"),
          utf8("\u0301"),
          utf8("\u0456"),
          utf8("\uff21"),
          utf8("\ud83d\ude00"),
          new byte[] {(byte) 0xc3, 0x28},
          new byte[] {(byte) 0xff},
          new byte[] {(byte) 0xfe, (byte) 0xff},
          new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          new byte[] {(byte) 0xc0, (byte) 0xaf},
          new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xe2, (byte) 0x82});

  /** SQL and other injection attempts; each holds a character no user id may have. */
  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE wallet_events; --",
          "\" OR 1=1 --",
          "1; DELETE FROM wallet_commands",
          "') UNION SELECT event_type, payload FROM wallet_events --",
          "`; TRUNCATE wallet_projections; #",
          "\\\"},{\\\"userId\\\":\\\"x\\\",\\\"amount\\\":5",
          "\",\"amount\":1000000,\"x\":\"",
          "${jndi:ldap://127.0.0.1/a}",
          "{{7*7}}",
          "<script>alert(1)</script>",
          "../../etc/passwd",
          "%00",
          "{\"$gt\":\"\"}",
          "java.lang.ProcessBuilder");

  /** Keys that no command takes. */
  static final List<String> EXTRA_KEYS =
      List.of(
          "extra",
          "@class",
          "@type",
          "__proto__",
          "constructor",
          "$type",
          "USERID",
          "UserId",
          "userid",
          "userId ",
          " amount",
          "user\\u0000Id",
          "");

  private HostileValues() {}

  /** {@return a body with missing, extra, renamed or duplicate keys} */
  static String keys(Random random, String userId, String amount, boolean takesAmount) {
    String rest = takesAmount ? ",\"amount\":" + amount : "";
    String extra = EXTRA_KEYS.get(random.nextInt(EXTRA_KEYS.size()));
    return switch (random.nextInt(6)) {
      case 0 -> takesAmount && random.nextBoolean() ? "{\"amount\":" + amount + "}" : "{}";
      case 1 -> takesAmount ? "{\"userId\":" + userId + "}" : "{\"amount\":" + amount + "}";
      case 2 -> "{\"userId\":" + userId + rest + "," + HostileBodies.quote(extra) + ":1}";
      case 3 -> "{" + HostileBodies.quote(extra) + ":" + userId + rest + "}";
      case 4 -> "{\"userId\":" + userId + rest + ",\"user\\u0049d\":" + userId + "}";
      default ->
          takesAmount
              ? "{\"userId\":" + userId + ",\"amount\":" + amount + ",\"amount\":" + amount + "}"
              : "{\"userId\":" + userId + ",\"userId\":\"other\"}";
    };
  }
}
