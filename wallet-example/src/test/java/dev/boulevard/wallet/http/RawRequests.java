package dev.boulevard.wallet.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile requests sent over a raw socket, where the JDK's HTTP client refuses to send them: bytes
 * that are not HTTP, broken request lines and headers, invalid bytes in the path, lying lengths.
 */
final class RawRequests {

  /**
   * What came back: the status (0 if the server closed the connection without answering), whether
   * the body is JSON by its content type, and the body.
   */
  record RawAnswer(int status, boolean json, String body) {}

  private static final String COMMAND = "/commands/AddWalletCredits";

  private final Random random;
  private final List<String> wallets;

  RawRequests(Random random, List<String> wallets) {
    this.random = random;
    this.wallets = wallets;
  }

  /** {@return the next raw request: all its bytes, with a Connection: close} */
  byte[] next() {
    String wallet = wallets.get(random.nextInt(wallets.size()));
    String body = "{\"userId\":\"" + wallet + "\",\"amount\":1}";
    String close = "Host: localhost\r\nConnection: close\r\n";
    var out = new ByteArrayOutputStream();
    switch (random.nextInt(15)) {
      case 14 ->
          out.writeBytes(
              ascii(
                  "GET /wallets/"
                      + wallet
                      + (random.nextBoolean() ? "?%zz=1" : "?after=%")
                      + " HTTP/1.1\r\n"
                      + close
                      + "\r\n"));
      case 0 -> out.writeBytes(ascii("GET /wallets/" + wallet));
      case 1 -> out.writeBytes(ascii("GET\r\n\r\n"));
      case 2 -> out.writeBytes(ascii("GARBAGE\r\n" + close + "\r\n"));
      case 3 -> out.writeBytes(ascii("GET /health?x=1 HTTP/9.9\r\n" + close + "\r\n"));
      case 4 -> out.writeBytes(ascii("\r\n\r\n\r\n"));
      case 5 -> {
        out.writeBytes(ascii("GET /wallets/" + wallet));
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28});
        out.writeBytes(ascii(" HTTP/1.1\r\n" + close + "\r\n"));
      }
      case 6 -> out.writeBytes(ascii("GET /wallets/" + wallet + "\u0001 HTTP/1.1\r\n" + close));
      case 7 -> out.writeBytes(ascii("GET /health HTTP/1.1\r\nNoColonHere\r\n" + close + "\r\n"));
      case 8 -> out.writeBytes(post("Content-Length: abc\r\n", body));
      case 9 -> out.writeBytes(post("Content-Length: -5\r\n", body));
      case 10 -> out.writeBytes(post("Content-Length: 5\r\n", body.substring(0, 5)));
      case 11 ->
          out.writeBytes(post("Transfer-Encoding: chunked\r\n", "zz\r\n" + body + "\r\n0\r\n\r\n"));
      case 12 -> {
        out.writeBytes(post("Content-Length: 12\r\n", ""));
        out.writeBytes(new byte[] {'{', '"', (byte) 0xc3, 0x28, (byte) 0xff, '"', ':', '1', '}'});
        out.writeBytes(ascii("   "));
      }
      default ->
          out.writeBytes(
              ascii(
                  "GET /"
                      + "a".repeat(70_000 + random.nextInt(30_000))
                      + " HTTP/1.1\r\n"
                      + close
                      + "\r\n"));
    }
    return out.toByteArray();
  }

  private static byte[] post(String header, String body) {
    return ascii(
        "POST "
            + COMMAND
            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Content-Type: application/json\r\n"
            + header
            + "\r\n"
            + body);
  }

  /** Sends the bytes, half-closes, and {@return what the server answered, if anything} */
  static RawAnswer send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (SocketException e) {
        // the server may close while we still send a long line; read what it answered
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    var answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketException | SocketTimeoutException e) {
      // a reset after the answer, or no answer at all: keep what arrived
    }
    return answer.toByteArray();
  }

  private static RawAnswer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
      return new RawAnswer(0, false, text);
    }
    int status = Integer.parseInt(text.substring(9, 12));
    int end = text.indexOf("\r\n\r\n");
    String headers = end < 0 ? text : text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    String body = end < 0 ? "" : text.substring(end + 4);
    return new RawAnswer(status, headers.contains("content-type: application/json"), body);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
