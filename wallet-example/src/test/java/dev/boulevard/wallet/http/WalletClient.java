package dev.boulevard.wallet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A client of the wallet's HTTP API for tests: plain requests, answers as status and JSON. */
final class WalletClient {

  /**
   * An answer: its status, its raw body, the body as JSON (null if it is not JSON), and its
   * headers.
   */
  record Answer(int status, String body, JsonNode json, HttpHeaders headers) {

    /** {@return the error code of an error answer} */
    String error() {
      return json.path("error").asText();
    }

    /** {@return the position of a command's answer} */
    long position() {
      return json.get("position").asLong();
    }

    /** {@return whether the answer says the command ran for an earlier request with its key} */
    boolean replayed() {
      return headers.firstValue("Idempotent-Replayed").orElse("").equals("true");
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  WalletClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Answer command(String name, String userId, long amount) {
    return post("/commands/" + name, "{\"userId\":\"" + userId + "\",\"amount\":" + amount + "}");
  }

  /** Sends a command with an {@code Idempotency-Key} header. */
  Answer command(String name, String userId, long amount, String idempotencyKey) {
    return send(
        "POST",
        "/commands/" + name,
        BodyPublishers.ofString("{\"userId\":\"" + userId + "\",\"amount\":" + amount + "}"),
        "Idempotency-Key",
        idempotencyKey);
  }

  Answer post(String path, String json) {
    return send("POST", path, BodyPublishers.ofString(json));
  }

  Answer get(String path) {
    return send("GET", path, BodyPublishers.noBody());
  }

  /** Sends a request with the given extra headers, as name, value, name, value... */
  Answer send(String method, String path, BodyPublisher body, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      var response = http.send(builder.build(), BodyHandlers.ofString());
      return new Answer(
          response.statusCode(), response.body(), parse(response.body()), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
