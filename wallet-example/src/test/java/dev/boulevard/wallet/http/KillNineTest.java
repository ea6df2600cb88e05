package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Kills the app with {@code kill -9} while concurrent clients send commands, several times in a
 * row, then checks that every acknowledged command is in the store and the read models equal what
 * the events say. Rounds: {@code -Dwallet.kill.rounds} (3 by default).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillNineTest {

  private static final int ROUNDS = Integer.getInteger("wallet.kill.rounds", 3);
  private static final int CLIENTS = 8;
  private static final int WALLETS = 6;

  /** A command the app acknowledged: the wallet's playhead of the event it recorded. */
  private record Ack(String userId, long playhead, String type, long amount) {}

  @Test
  void on_h2_no_acknowledged_command_is_lost() throws Exception {
    survivesKills(TestWalletDatabase.h2());
  }

  @Test
  void on_postgresql_no_acknowledged_command_is_lost() throws Exception {
    survivesKills(TestWalletDatabase.postgres());
  }

  @Test
  void on_mariadb_no_acknowledged_command_is_lost() throws Exception {
    survivesKills(TestWalletDatabase.mariadb());
  }

  private void survivesKills(TestWalletDatabase database) throws Exception {
    try (database) {
      var acks = new ConcurrentLinkedQueue<Ack>();
      var unanswered = new AtomicInteger();
      String prefix = "kill-" + Long.toString(System.nanoTime(), 36) + "-";
      for (int round = 0; round < ROUNDS; round++) {
        try (ChildApp app = ChildApp.start(database.options())) {
          load(app, prefix, acks, unanswered);
        }
      }
      try (ChildApp app = ChildApp.start(database.options())) {
        verify(new WalletClient(app.port()), prefix, List.copyOf(acks), unanswered.get());
      }
    }
  }

  /** Runs the clients for 1 to 2.5 s, then kills the app while they wait for answers. */
  private static void load(
      ChildApp app, String prefix, ConcurrentLinkedQueue<Ack> acks, AtomicInteger unanswered)
      throws InterruptedException {
    var client = new WalletClient(app.port());
    var killed = new AtomicBoolean();
    var answered = new AtomicInteger();
    var unexpected = new ConcurrentLinkedQueue<String>();
    var threads = new ArrayList<Thread>();
    for (int c = 0; c < CLIENTS; c++) {
      Thread thread =
          new Thread(
              () -> {
                var random = ThreadLocalRandom.current();
                while (!killed.get()) {
                  String user = prefix + random.nextInt(WALLETS);
                  boolean add = random.nextInt(10) < 7;
                  String command = add ? "AddWalletCredits" : "SubWalletCredits";
                  long amount = 1 + random.nextInt(add ? 100 : 20);
                  Answer answer;
                  try {
                    answer = client.command(command, user, amount);
                  } catch (UncheckedIOException e) {
                    unanswered.incrementAndGet(); // killed while it waited: stored or not
                    return;
                  }
                  answered.incrementAndGet();
                  if (answer.status() == 200) {
                    String type = add ? "WalletCreditsAdded" : "WalletCreditsSubtracted";
                    acks.add(new Ack(user, answer.json().get("playhead").asLong(), type, amount));
                  } else if (answer.status() != 404 && answer.status() != 422) {
                    // Only spends beyond the balance or on wallets not yet created fail.
                    unexpected.add(answer.status() + " " + answer.body());
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    Thread.sleep(1_000 + ThreadLocalRandom.current().nextInt(1_500));
    killed.set(true);
    app.kill();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(unexpected).as("answers other than 200, 404 and 422").isEmpty();
    assertThat(answered.get()).as("commands answered before the kill").isPositive();
  }

  private static void verify(WalletClient client, String prefix, List<Ack> acks, int unanswered) {
    // Every acknowledged command's event is stored where its answer said, once.
    Map<String, JsonNode> histories = new HashMap<>();
    var claimed = new HashSet<String>();
    for (Ack ack : acks) {
      JsonNode events =
          histories.computeIfAbsent(
              ack.userId(), user -> client.get("/wallets/" + user + "/events").json());
      JsonNode event = events.get((int) ack.playhead());
      assertThat(event).as("event of %s", ack).isNotNull();
      assertThat(event.get("playhead").asLong()).isEqualTo(ack.playhead());
      assertThat(event.get("type").asText()).as("type of %s", ack).isEqualTo(ack.type());
      assertThat(event.get("payload").get("amount").asLong()).isEqualTo(ack.amount());
      assertThat(claimed.add(ack.userId() + "@" + ack.playhead())).as("claimed once").isTrue();
    }
    // Besides them, at most the commands that were cut off by a kill were stored.
    int stored = 0;
    for (int w = 0; w < WALLETS; w++) {
      String user = prefix + w;
      Answer events = client.get("/wallets/" + user + "/events");
      stored += events.status() == 200 ? events.json().size() : 0;
    }
    assertThat(stored - acks.size()).isBetween(0, unanswered);

    // The read models, caught up past a marker written after the restart, equal the events.
    long marker =
        client.command("AddBonusCredits", prefix + "marker", 1).json().get("position").asLong();
    String now = Instant.now().toString();
    var invoiceNumbers = new ArrayList<String>();
    int walletAdditions = 0;
    for (int w = 0; w < WALLETS; w++) {
      String user = prefix + w;
      Answer credits = client.get("/wallets/" + user + "?after=" + marker);
      if (credits.status() == 404) {
        continue;
      }
      Answer replayed = client.get("/wallets/" + user + "?asOf=" + now);
      assertThat(credits.json()).as(user).isEqualTo(replayed.json());
      for (JsonNode invoice : client.get("/wallets/" + user + "/invoices?after=" + marker).json()) {
        invoiceNumbers.add(invoice.get("number").asText());
      }
      for (JsonNode event : client.get("/wallets/" + user + "/events").json()) {
        walletAdditions += event.get("type").asText().equals("WalletCreditsAdded") ? 1 : 0;
      }
    }
    assertThat(invoiceNumbers).hasSize(walletAdditions);
    assertGapFree(invoiceNumbers);
    System.out.printf(
        "kill -9 x%d: %d commands acknowledged, all stored; %d cut off, %d of them stored%n",
        ROUNDS, acks.size(), unanswered, stored - acks.size());
  }

  /** Checks that each year's invoice numbers are 1 to n, each once. */
  private static void assertGapFree(List<String> numbers) {
    Map<String, Set<Integer>> byYear = new HashMap<>();
    for (String number : numbers) {
      String[] parts = number.split("/");
      boolean fresh =
          byYear.computeIfAbsent(parts[0], y -> new HashSet<>()).add(Integer.parseInt(parts[1]));
      assertThat(fresh).as("invoice %s issued once", number).isTrue();
    }
    byYear.forEach(
        (year, issued) ->
            assertThat(issued).as(year).hasSize(issued.stream().max(Integer::compare).orElse(0)));
  }
}
