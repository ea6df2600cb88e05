package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.wallet.http.WalletClient.Answer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad and hostile requests: each gets its 4xx and JSON error, never a 500, and records nothing in
 * the event store, the audit log or a read model.
 */
abstract class BadRequestCases extends WalletTestCase {

  static final String USER = "victim";

  long head;
  int audited;
  String credits;

  @BeforeEach
  void remember_what_is_stored() throws InterruptedException {
    long position = client.command("AddWalletCredits", USER, 1).position();
    // On PostgreSQL a committed event shows in the log's head once no older writing transaction
    // (the projections' own, say) is open: wait for it, so the head compared below is settled.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (app.eventStore().head().position() < position && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    head = app.eventStore().head().position();
    audited = app.queries().audit(1_000).size();
    credits = read("/wallets/" + USER, position).body();
  }

  void assertNothingRecorded() {
    assertThat(app.eventStore().head().position()).isEqualTo(head);
    assertThat(app.queries().audit(1_000)).hasSize(audited);
    assertThat(client.get("/wallets/" + USER).body()).isEqualTo(credits);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "42",
        "\"victim\"",
        "{",
        "{\"userId\":\"victim\",\"amount\":10",
        "{\"userId\":\"victim\",\"amount\":10}}",
        "{\"userId\":\"victim\",\"amount\":10} trailing",
        "{'userId':'victim','amount':10}",
        "{\"userId\":\"victim\"}",
        "{\"amount\":10}",
        "{\"userId\":\"victim\",\"amount\":10,\"extra\":1}",
        "{\"userId\":\"victim\",\"amount\":10,\"userId\":\"other\"}",
        "{\"userId\":null,\"amount\":10}",
        "{\"userId\":\"victim\",\"amount\":null}",
        "{\"userId\":\"victim\",\"amount\":\"10\"}",
        "{\"userId\":\"victim\",\"amount\":10.0}",
        "{\"userId\":\"victim\",\"amount\":10.5}",
        "{\"userId\":\"victim\",\"amount\":1e3}",
        "{\"userId\":\"victim\",\"amount\":true}",
        "{\"userId\":\"victim\",\"amount\":[10]}",
        "{\"userId\":\"victim\",\"amount\":{\"value\":10}}",
        "{\"userId\":\"victim\",\"amount\":0}",
        "{\"userId\":\"victim\",\"amount\":-5}",
        "{\"userId\":\"victim\",\"amount\":1000000000001}",
        "{\"userId\":\"victim\",\"amount\":9223372036854775808}",
        "{\"userId\":\"victim\",\"amount\":NaN}",
        "{\"userId\":123,\"amount\":10}",
        "{\"userId\":[\"victim\"],\"amount\":10}",
        "{\"userId\":\"\",\"amount\":10}",
        "{\"userId\":\"victim'; DROP TABLE wallet_events; --\",\"amount\":10}",
        "{\"userId\":\"victim\\\" OR 1=1 --\",\"amount\":10}",
        "{\"userId\":\"vïctim\",\"amount\":10}",
        "{\"userId\":\"victim\\u0000\",\"amount\":10}",
        "{\"userId\":\"\\ud800\",\"amount\":10}",
        "{\"userId\":\"victim/../x\",\"amount\":10}",
        "{\"userId\":\"x                                                                 \",\"amount\":10}",
        "{\"userId\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"amount\":10}",
      })
  void a_malformed_command_is_refused_with_400(String body) {
    for (String command : List.of("AddWalletCredits", "SubCredits")) {
      assertError(client.post("/commands/" + command, body), 400, "invalid_request");
    }
    assertNothingRecorded();
  }

  @Test
  void expire_credits_takes_no_amount() {
    assertError(
        client.post("/commands/ExpireCredits", "{\"userId\":\"victim\",\"amount\":1}"),
        400,
        "invalid_request");
    assertNothingRecorded();
  }

  @Test
  void deep_nesting_is_refused_with_400() {
    String deep = "[".repeat(20_000) + "]".repeat(20_000);
    assertError(client.post("/commands/AddWalletCredits", deep), 400, "invalid_request");
    String deepField =
        "{\"userId\":\"victim\",\"amount\":10,\"x\":"
            + "{\"a\":".repeat(5_000)
            + "1"
            + "}".repeat(5_001);
    assertError(client.post("/commands/AddWalletCredits", deepField), 400, "invalid_request");
    assertNothingRecorded();
  }

  @Test
  void invalid_utf8_is_refused_with_400() {
    byte[] body = {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    Answer answer =
        client.send("POST", "/commands/AddWalletCredits", BodyPublishers.ofByteArray(body));
    assertError(answer, 400, "invalid_request");
    assertNothingRecorded();
  }

  @Test
  void a_body_over_64_kib_is_refused_with_413() {
    String body = "{\"userId\":\"victim\",\"amount\":10}" + " ".repeat(64 * 1024);
    assertError(client.post("/commands/AddWalletCredits", body), 413, "payload_too_large");
    assertNothingRecorded();
  }

  @Test
  void a_body_of_64_kib_exactly_is_read() {
    String command = "{\"userId\":\"victim\",\"amount\":1}";
    String body = command + " ".repeat(64 * 1024 - command.length());
    Answer answer = client.post("/commands/AddWalletCredits", body);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.position()).isGreaterThan(head);
  }

  @Test
  void a_huge_body_is_answered_413_before_the_client_has_sent_it_all() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /commands/AddWalletCredits HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[70 * 1024]); // far less than declared: the server must not wait for it
      out.flush();
      String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(answer).isEqualTo("HTTP/1.1 413");
    }
    assertNothingRecorded();
  }

  @Test
  void a_streamed_body_of_megabytes_is_never_accepted() {
    byte[] huge = new byte[8 * 1024 * 1024];
    try {
      Answer answer =
          client.send(
              "POST",
              "/commands/AddWalletCredits",
              BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
      assertError(answer, 413, "payload_too_large");
    } catch (UncheckedIOException e) {
      // the server closed the connection after answering, before the client had sent it all
    }
    assertNothingRecorded();
  }

  @Test
  void an_unknown_command_is_404_unknown_command() {
    for (String name : List.of("AddMoney", "addwalletcredits", "%27%3B--", "AddWalletCredits%00")) {
      assertError(
          client.post("/commands/" + name, "{\"userId\":\"victim\",\"amount\":1}"),
          404,
          "unknown_command");
    }
    assertNothingRecorded();
  }

  @Test
  void an_unknown_route_is_404() {
    List<String> paths =
        List.of(
            "/",
            "/nothing",
            "/commands",
            "/commands/",
            "/commands/AddWalletCredits/x",
            "/wallets",
            "/wallets/victim/other",
            "/wallets/victim/events/1",
            "/health/",
            "/audit/x");
    for (String path : paths) {
      Answer answer = client.get(path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.json().get("error").asText()).as(path).isIn("not_found", "unknown_command");
    }
  }

  @Test
  void a_wrong_method_is_405_with_a_json_body() {
    List<Answer> answers = new ArrayList<>();
    answers.add(client.get("/commands/AddWalletCredits"));
    answers.add(client.post("/wallets/victim", "{}"));
    answers.add(client.post("/health", "{}"));
    answers.add(client.send("DELETE", "/audit", BodyPublishers.noBody()));
    answers.add(client.send("PUT", "/wallets/victim/invoices", BodyPublishers.ofString("{}")));
    for (Answer answer : answers) {
      assertError(answer, 405, "method_not_allowed");
    }
    assertNothingRecorded();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/wallets/victim?after=abc",
        "/wallets/victim?after=-1",
        "/wallets/victim?after=1.5",
        "/wallets/victim?after=99999999999999999999",
        "/wallets/victim?after=1&after=2",
        "/wallets/victim?asOf=yesterday",
        "/wallets/victim?asOf=2026-13-01T00:00:00Z",
        "/wallets/victim?asOf=",
        "/wallets/victim?unknown=1",
        "/wallets/victim/invoices?asOf=2026-01-01T00:00:00Z",
        "/audit?limit=0",
        "/audit?limit=-3",
        "/audit?limit=1001",
        "/audit?limit=ten",
        "/wallets/vi%27ctim",
        "/wallets/vi%20ctim/events",
        "/wallets/%E2%80%AEmitciv",
        "/wallets/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "/wallets/victim'%20OR%20'1'='1/invoices",
      })
  void a_malformed_query_is_refused_with_400(String path) {
    assertError(client.get(path), 400, "invalid_request");
    assertNothingRecorded();
  }
}
