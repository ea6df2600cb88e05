package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.wallet.http.CommandLoad.Ack;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Checks what a {@link CommandLoad} was told against the app, over HTTP: every command was answered
 * in the end; every acknowledged command's event is stored where its answer said, and nothing else
 * (each wallet holds one event per acknowledged command, and its balance is what they add up to);
 * the credits read model equals the balances replayed from the events, and invoice numbers are
 * gap-free.
 */
final class LoadVerification {

  /**
   * What was found: commands acknowledged, those of them whose event is missing, events stored
   * beyond them (both 0, or the verification failed), and the position of the marker the read
   * models were checked at.
   */
  record Outcome(int acknowledged, int lost, int duplicated, long marker) {}

  private LoadVerification() {}

  /**
   * Verifies a load on wallets {@code prefix + 0} to {@code prefix + (wallets - 1)}; {@code
   * awaitReadModels} waits until the app's read models have a position, or does nothing if the
   * app's own {@code ?after=} is to be trusted.
   */
  static Outcome verify(
      WalletClient client,
      String prefix,
      int wallets,
      CommandLoad load,
      LongConsumer awaitReadModels) {
    assertThat(load.pending()).as("commands never answered").isZero();
    List<Ack> acks = List.copyOf(load.acks);
    Map<String, JsonNode> histories = new HashMap<>();
    Map<String, Integer> ackedEvents = new HashMap<>();
    Map<String, Long> balances = new HashMap<>();
    var claimed = new HashSet<String>();
    int lost = 0;
    for (Ack ack : acks) {
      JsonNode events =
          histories.computeIfAbsent(
              ack.userId(), user -> client.get("/wallets/" + user + "/events").json());
      JsonNode event = events.isArray() ? events.get((int) ack.playhead()) : null;
      boolean found =
          event != null
              && event.get("playhead").asLong() == ack.playhead()
              && event.get("type").asText().equals(ack.type())
              && event.get("payload").get("amount").asLong() == ack.amount();
      lost += found ? 0 : 1;
      assertThat(found).as("the event of %s: %s", ack, event).isTrue();
      assertThat(claimed.add(ack.userId() + "@" + ack.playhead())).as("claimed once").isTrue();
      ackedEvents.merge(ack.userId(), 1, Integer::sum);
      long signed = ack.type().equals("WalletCreditsAdded") ? ack.amount() : -ack.amount();
      balances.merge(ack.userId(), signed, Long::sum);
    }
    int stored = 0;
    for (int w = 0; w < wallets; w++) {
      String user = prefix + w;
      Answer events = client.get("/wallets/" + user + "/events");
      int count = events.status() == 200 ? events.json().size() : 0;
      stored += count;
      assertThat(count)
          .as("events of %s: one per acknowledged command", user)
          .isEqualTo(ackedEvents.getOrDefault(user, 0));
    }
    int duplicated = Math.max(0, stored - (acks.size() - lost));
    assertThat(stored).as("events stored").isEqualTo(acks.size());

    long marker =
        client.command("AddBonusCredits", prefix + "marker", 1).json().get("position").asLong();
    awaitReadModels.accept(marker);
    assertReadModelsEqualTheEvents(client, prefix, wallets, marker, balances);
    return new Outcome(acks.size(), lost, duplicated, marker);
  }

  /**
   * Checks, on one app of a fleet, that the credits read model equals the balances replayed from
   * the events and what the load's acknowledged commands add up to, and that invoice numbers are
   * gap-free, once the app's read models have the marker's position.
   */
  static void verifyReadModels(
      WalletClient client, String prefix, int wallets, CommandLoad load, long marker) {
    Map<String, Long> balances = new HashMap<>();
    for (Ack ack : load.acks) {
      long signed = ack.type().equals("WalletCreditsAdded") ? ack.amount() : -ack.amount();
      balances.merge(ack.userId(), signed, Long::sum);
    }
    assertReadModelsEqualTheEvents(client, prefix, wallets, marker, balances);
  }

  private static void assertReadModelsEqualTheEvents(
      WalletClient client, String prefix, int wallets, long marker, Map<String, Long> balances) {
    String now = Instant.now().toString();
    var invoiceNumbers = new ArrayList<String>();
    int walletAdditions = 0;
    for (int w = 0; w < wallets; w++) {
      String user = prefix + w;
      Answer credits = client.get("/wallets/" + user + "?after=" + marker);
      if (credits.status() == 404) {
        continue;
      }
      Answer replayed = client.get("/wallets/" + user + "?asOf=" + now);
      assertThat(credits.json()).as(user).isEqualTo(replayed.json());
      assertThat(credits.json().get("balances").get("WALLET").asLong())
          .as("%s's balance: what the acknowledged commands add up to", user)
          .isEqualTo(balances.getOrDefault(user, 0L));
      for (JsonNode invoice : client.get("/wallets/" + user + "/invoices?after=" + marker).json()) {
        invoiceNumbers.add(invoice.get("number").asText());
      }
      for (JsonNode event : client.get("/wallets/" + user + "/events").json()) {
        walletAdditions += event.get("type").asText().equals("WalletCreditsAdded") ? 1 : 0;
      }
    }
    assertThat(invoiceNumbers).hasSize(walletAdditions);
    assertGapFree(invoiceNumbers);
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
