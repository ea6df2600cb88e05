package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** What the loyalty service must show once it has every acknowledged command's event, once. */
final class Loyalty {

  /**
   * A user's expected account.
   *
   * @param paid credits added
   * @param spent credits spent
   * @param events commands applied
   */
  record Expected(long paid, long spent, long events) {}

  private Loyalty() {}

  /** {@return each user's expected account, from the acknowledged commands} */
  static Map<String, Expected> expected(Collection<CommandLoad.Ack> acks) {
    Map<String, Expected> expected = new TreeMap<>();
    for (CommandLoad.Ack ack : acks) {
      boolean add = ack.type().equals("WalletCreditsAdded");
      expected.merge(
          ack.userId(),
          new Expected(add ? ack.amount() : 0, add ? 0 : ack.amount(), 1),
          (a, b) -> new Expected(a.paid() + b.paid(), a.spent() + b.spent(), a.events() + 1));
    }
    return expected;
  }

  /** {@return each user's account as the loyalty service shows it} */
  static Map<String, Expected> shown(WalletClient loyalty, Collection<String> users) {
    Map<String, Expected> shown = new TreeMap<>();
    for (String user : users) {
      var answer = loyalty.get("/loyalty/" + user);
      if (answer.status() == 200) {
        JsonNode account = answer.json();
        shown.put(
            user,
            new Expected(
                account.get("paid").asLong(),
                account.get("spent").asLong(),
                account.get("events").asLong()));
      }
    }
    return shown;
  }

  /**
   * Waits until the loyalty service shows exactly the expected accounts, or fails saying how not.
   */
  static void awaitShown(
      WalletClient loyalty,
      Map<String, Expected> expected,
      long seconds,
      java.util.function.Supplier<String> context) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Map<String, Expected> shown = shown(loyalty, expected.keySet());
    while (!shown.equals(expected) && System.nanoTime() < deadline) {
      ThrowawayServer.pause(100);
      shown = shown(loyalty, expected.keySet());
    }
    if (!shown.equals(expected)) {
      assertThat(shown)
          .as(
              "the loyalty service's accounts; totals %s; %s",
              loyalty.get("/loyalty").body(), context.get())
          .isEqualTo(expected);
    }
  }
}
