package dev.boulevard.wallet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A client of the wallet's HTTP API for tests: plain requests, answers as status and JSON. */
final class WalletClient {

  /** An answer: its status, its raw body and the body as JSON (null if it is not JSON). */
  record Answer(int status, String body, JsonNode json) {

    /** {@return the error code of an error answer} */
    String error() {
      return json.path("error").asText();
    }

    /** {@return the position of a command's answer} */
    long position() {
      return json.get("position").asLong();
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

  Answer post(String path, String json) {
    return send("POST", path, BodyPublishers.ofString(json));
  }

  Answer get(String path) {
    return send("GET", path, BodyPublishers.noBody());
  }

  Answer send(String method, String path, BodyPublisher body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, body)
            .build();
    try {
      var response = http.send(request, BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), parse(response.body()));
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
