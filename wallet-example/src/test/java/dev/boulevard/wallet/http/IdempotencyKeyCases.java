package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.wallet.http.RawRequests.RawAnswer;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code Idempotency-Key} header of {@code POST /commands/...}: a repeat is answered, not
 * applied; a key is refused with another command, or when malformed; a failed command leaves its
 * key free; concurrent requests with one key, to one app or to two apps on one database, apply it
 * once.
 */
abstract class IdempotencyKeyCases extends WalletTestCase {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@return whether a second app process can share this database with the test's app} */
  abstract boolean sharedByProcesses();

  static String newKey() {
    return "key-" + UUID.randomUUID();
  }

  @Test
  void a_repeat_answers_the_same_body_marked_replayed_and_applies_the_command_once() {
    String user = newUser();
    String add = newKey();
    String spend = "!~" + "k".repeat(124) + "~!"; // 128 characters, the longest key
    Answer added = client.command("AddWalletCredits", user, 100, add);
    Answer spent = client.command("SubWalletCredits", user, 30, spend);
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(spent.status()).as(spent.body()).isEqualTo(200);
    assertThat(added.replayed()).isFalse();
    assertThat(spent.replayed()).isFalse();
    assertThat(added.headers().firstValue("Idempotent-Replayed")).isEmpty();

    for (int i = 0; i < 3; i++) {
      Answer addedAgain = client.command("AddWalletCredits", user, 100, add);
      Answer spentAgain = client.command("SubWalletCredits", user, 30, spend);
      assertThat(addedAgain.status()).isEqualTo(200);
      assertThat(addedAgain.body()).isEqualTo(added.body());
      assertThat(addedAgain.replayed()).isTrue();
      assertThat(spentAgain.status()).isEqualTo(200);
      assertThat(spentAgain.body()).isEqualTo(spent.body());
      assertThat(spentAgain.replayed()).isTrue();
    }

    assertThat(client.get("/wallets/" + user + "/events").json()).hasSize(2);
    JsonNode credits = read("/wallets/" + user, spent.position()).json();
    assertThat(credits.get("balances").get("WALLET").asLong()).isEqualTo(70);
  }

  @Test
  void a_repeat_of_a_command_that_recorded_nothing_answers_the_same_body() {
    String user = newUser();
    ok("AddBonusCredits", user, 10);
    String key = newKey();
    String body = "{\"userId\":\"" + user + "\"}";
    Answer first = expire(body, key);
    Answer again = expire(body, key);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("position").isNull()).isTrue();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.replayed()).isTrue();
    assertThat(again.body()).isEqualTo(first.body());
  }

  private Answer expire(String body, String key) {
    return client.send(
        "POST",
        "/commands/ExpireCredits",
        java.net.http.HttpRequest.BodyPublishers.ofString(body),
        "Idempotency-Key",
        key);
  }

  @Test
  void a_key_sent_with_another_command_is_refused_with_422_and_changes_nothing() {
    String user = newUser();
    String other = newUser();
    String key = newKey();
    Answer first = client.command("AddWalletCredits", user, 100, key);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    int audited = app.queries().audit(1_000).size();

    assertError(client.command("AddWalletCredits", user, 101, key), 422, "idempotency_key_reused");
    assertError(client.command("AddBonusCredits", user, 100, key), 422, "idempotency_key_reused");
    assertError(client.command("SubWalletCredits", user, 100, key), 422, "idempotency_key_reused");
    Answer otherUser = client.command("AddWalletCredits", other, 100, key);
    assertError(otherUser, 422, "idempotency_key_reused");
    assertThat(otherUser.json().get("message").asText()).contains("Idempotency-Key");

    assertThat(client.get("/wallets/" + user + "/events").json()).hasSize(1);
    assertError(client.get("/wallets/" + other + "/events"), 404, "wallet_not_found");
    assertThat(read("/wallets/" + user, first.position()).json().get("total").asLong())
        .isEqualTo(100);
    // Refused commands, audited as failed like any other refusal; none succeeded.
    var entries = app.queries().audit(1_000);
    assertThat(entries).hasSize(audited + 4);
    Answer replayed = client.command("AddWalletCredits", user, 100, key);
    assertThat(replayed.replayed()).isTrue();
    assertThat(replayed.body()).isEqualTo(first.body());
  }

  static List<byte[]> badKeys() {
    return List.of(
        ascii(""),
        ascii("a".repeat(129)),
        ascii("a b"),
        ascii("ke\u0001y"),
        ascii("tab\tinside"),
        ascii("key\u007f"),
        "clé".getBytes(StandardCharsets.UTF_8),
        "ключ".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("badKeys")
  void a_malformed_key_is_refused_with_400_naming_the_header_and_changes_nothing(byte[] key)
      throws Exception {
    String user = newUser();
    long position = ok("AddWalletCredits", user, 10).position();
    String credits = read("/wallets/" + user, position).body();
    int audited = app.queries().audit(1_000).size();

    RawAnswer answer = RawRequests.send(api.port(), addWithKeys(user, List.of(key)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json()).isTrue();
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("error").asText()).isEqualTo("invalid_request");
    assertThat(error.get("message").asText()).startsWith("Idempotency-Key must be");
    assertThat(client.get("/wallets/" + user + "/events").json()).hasSize(1);
    assertThat(app.queries().audit(1_000)).hasSize(audited);
    assertThat(client.get("/wallets/" + user).body()).isEqualTo(credits);
  }

  @Test
  void a_key_given_twice_is_refused_with_400() throws Exception {
    String user = newUser();
    long position = ok("AddWalletCredits", user, 10).position();
    String credits = read("/wallets/" + user, position).body();

    RawAnswer answer =
        RawRequests.send(api.port(), addWithKeys(user, List.of(ascii("one"), ascii("two"))));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.get("error").asText()).isEqualTo("invalid_request");
    assertThat(error.get("message").asText()).contains("Idempotency-Key is given 2 times");
    assertThat(client.get("/wallets/" + user + "/events").json()).hasSize(1);
    assertThat(client.get("/wallets/" + user).body()).isEqualTo(credits);
  }

  /** {@return an AddWalletCredits of 5 with an Idempotency-Key header per key, as raw bytes} */
  private static byte[] addWithKeys(String user, List<byte[]> keys) {
    byte[] body = ascii("{\"userId\":\"" + user + "\",\"amount\":5}");
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        ascii(
            "POST /commands/AddWalletCredits HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n"));
    for (byte[] key : keys) {
      out.writeBytes(ascii("Idempotency-Key: "));
      out.writeBytes(key);
      out.writeBytes(ascii("\r\n"));
    }
    out.writeBytes(ascii("\r\n"));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void a_command_that_failed_stored_no_key_so_its_key_can_be_sent_again() {
    String user = newUser();
    String key = newKey();
    ok("AddWalletCredits", user, 10);
    assertError(client.command("SubWalletCredits", user, 50, key), 422, "insufficient_credits");
    assertError(client.command("SubWalletCredits", user, 50, key), 422, "insufficient_credits");
    String missing = newUser();
    assertError(client.command("SubWalletCredits", missing, 50, key), 404, "wallet_not_found");
    ok("AddWalletCredits", user, 100);

    Answer spent = client.command("SubWalletCredits", user, 50, key);
    assertThat(spent.status()).as(spent.body()).isEqualTo(200);
    assertThat(spent.replayed()).isFalse();
    Answer again = client.command("SubWalletCredits", user, 50, key);
    assertThat(again.replayed()).isTrue();
    assertThat(again.body()).isEqualTo(spent.body());

    assertThat(client.get("/wallets/" + user + "/events").json()).hasSize(3);
    assertThat(read("/wallets/" + user, spent.position()).json().get("total").asLong())
        .isEqualTo(60);
  }

  @Test
  void two_requests_with_one_key_at_once_apply_the_command_once() throws Exception {
    raceOneKey(client, client, 10);
  }

  @Test
  void two_app_processes_on_one_database_apply_a_key_once() throws Exception {
    Assumptions.assumeTrue(sharedByProcesses(), "an H2 file is open in one process only");
    try (ChildApp other = ChildApp.start(database.options())) {
      raceOneKey(client, new WalletClient(other.port()), 10);
    }
  }

  /**
   * Sends each of several commands, with a key of its own, to both clients at the same moment, and
   * checks that both answered the same, one of them as a replay, and that the command applied once.
   */
  private void raceOneKey(WalletClient one, WalletClient two, int rounds) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      int replays = 0;
      for (int round = 0; round < rounds; round++) {
        String user = newUser();
        String key = newKey();
        var barrier = new CyclicBarrier(2);
        List<Future<Answer>> answers = new ArrayList<>();
        for (WalletClient sender : List.of(one, two)) {
          Callable<Answer> send =
              () -> {
                barrier.await(30, TimeUnit.SECONDS);
                return sender.command("AddWalletCredits", user, 7, key);
              };
          answers.add(threads.submit(send));
        }
        Answer first = answers.get(0).get(60, TimeUnit.SECONDS);
        Answer second = answers.get(1).get(60, TimeUnit.SECONDS);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.replayed() ^ second.replayed()).as("exactly one replayed").isTrue();
        replays += first.replayed() ? 1 : 0;
        JsonNode events = client.get("/wallets/" + user + "/events").json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("payload").get("amount").asLong()).isEqualTo(7);
      }
      System.out.printf(
          "%d keys sent twice at once: the first client's request was the replay %d times%n",
          rounds, replays);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void an_expired_key_is_deleted_and_then_applies_its_command_anew() {
    String user = newUser();
    String key = newKey();
    Answer first = client.command("AddWalletCredits", user, 5, key);
    assertThat(first.status()).isEqualTo(200);
    clock.advance(Duration.ofHours(25));
    try {
      assertThat(app.deleteExpiredKeys()).isGreaterThanOrEqualTo(1);
      Answer anew = client.command("AddWalletCredits", user, 5, key);
      assertThat(anew.status()).as(anew.body()).isEqualTo(200);
      assertThat(anew.replayed()).isFalse();
      assertThat(anew.json().get("playhead").asLong()).isEqualTo(1);
      assertThat(client.command("AddWalletCredits", user, 5, key).replayed()).isTrue();
    } finally {
      clock.advance(Duration.ofHours(-25));
    }
  }
}
