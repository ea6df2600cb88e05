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
 * Checks what a {@link CommandLoad} was told against the app, over HTTP: every acknowledged
 * command's event is stored where its answer said, at most the uncertain commands were stored
 * besides, the credits read model equals the balances replayed from the events, and invoice numbers
 * are gap-free.
 */
final class LoadVerification {

  /**
   * What was found: commands acknowledged, how many events were stored beyond them, and the
   * position of the marker the read models were checked at.
   */
  record Outcome(int acknowledged, int storedUncertain, long marker) {}

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
    List<Ack> acks = List.copyOf(load.acks);
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
    int stored = 0;
    for (int w = 0; w < wallets; w++) {
      Answer events = client.get("/wallets/" + prefix + w + "/events");
      stored += events.status() == 200 ? events.json().size() : 0;
    }
    assertThat(stored - acks.size())
        .as("events stored beyond the acknowledged commands")
        .isBetween(0, load.uncertain());

    long marker =
        client.command("AddBonusCredits", prefix + "marker", 1).json().get("position").asLong();
    awaitReadModels.accept(marker);
    assertReadModelsEqualTheEvents(client, prefix, wallets, marker);
    return new Outcome(acks.size(), stored - acks.size(), marker);
  }

  private static void assertReadModelsEqualTheEvents(
      WalletClient client, String prefix, int wallets, long marker) {
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
