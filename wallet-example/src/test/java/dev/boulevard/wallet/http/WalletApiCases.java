package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint of the API, as WALLET.md specifies it. */
abstract class WalletApiCases extends WalletTestCase {

  static final String MICROS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

  @Test
  void health_is_up() {
    Answer answer = client.get("/health");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo("{\"status\":\"up\"}");
  }

  @Test
  void the_admin_view_shows_each_projection_and_process_manager_run_here_with_its_lease() {
    long position = ok("AddWalletCredits", newUser(), 5).position();
    read("/audit?limit=1", position);
    Answer answer = client.get("/admin/projections");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode fleet = answer.json();
    String node = fleet.get("node").asText();
    assertThat(names(fleet.get("projections"))).containsExactly("credits", "invoices");
    assertThat(names(fleet.get("processManagers"))).hasSize(1);
    for (JsonNode follower : concat(fleet.get("projections"), fleet.get("processManagers"))) {
      assertThat(follower.get("owner").asText()).as(follower.toString()).isEqualTo(node);
      assertThat(follower.get("heldHere").asBoolean()).as(follower.toString()).isTrue();
      assertThat(follower.get("leaseExpired").asBoolean()).as(follower.toString()).isFalse();
      assertThat(follower.get("epoch").asLong()).as(follower.toString()).isPositive();
      assertThat(follower.get("position").asLong())
          .as(follower.toString())
          .isGreaterThanOrEqualTo(position);
      assertThat(follower.get("state").asText())
          .as(follower.toString())
          .isIn("LIVE", "CATCHING_UP");
    }
    assertThat(client.get("/admin/projections?x=1").status()).isEqualTo(400);
    assertThat(client.post("/admin/projections", "{}").status()).isEqualTo(405);
    assertThat(client.get("/admin/other").status()).isEqualTo(404);
  }

  private static List<String> names(JsonNode followers) {
    var names = new ArrayList<String>();
    followers.forEach(follower -> names.add(follower.get("name").asText()));
    return names;
  }

  private static List<JsonNode> concat(JsonNode first, JsonNode second) {
    var all = new ArrayList<JsonNode>();
    first.forEach(all::add);
    second.forEach(all::add);
    return all;
  }

  @Test
  void a_command_answers_the_wallets_playhead_and_the_position_of_its_last_event() {
    String user = newUser();
    Answer first = ok("AddWalletCredits", user, 100);
    Answer second = ok("AddBonusCredits", user, 5);
    assertThat(first.json().get("userId").asText()).isEqualTo(user);
    assertThat(first.json().get("playhead").asLong()).isZero();
    assertThat(second.json().get("playhead").asLong()).isEqualTo(1);
    assertThat(second.position()).isGreaterThan(first.position());
    assertThat(first.json().size()).isEqualTo(3);
  }

  @Test
  void after_zero_waits_for_nothing() {
    String user = newUser();
    ok("AddWalletCredits", user, 5);
    for (String path : List.of("/wallets/", "/wallets/%s/invoices", "/wallets/%s/events")) {
      String resource = path.contains("%s") ? path.formatted(user) : path + user;
      Answer answer = client.get(resource + "?after=0");
      assertThat(answer.status()).as(resource + ": " + answer.body()).isIn(200, 404);
    }
    assertThat(client.get("/audit?after=0&limit=1").status()).isEqualTo(200);
  }

  @Test
  void credits_show_each_kinds_balance_the_total_and_the_open_lots() {
    String user = newUser();
    ok("AddWalletCredits", user, 100);
    ok("AddBonusCredits", user, 50);
    long position = ok("AddRefundCredits", user, 30).position();

    JsonNode credits = read("/wallets/" + user, position).json();
    assertThat(credits.get("userId").asText()).isEqualTo(user);
    assertThat(credits.get("balances").toString())
        .isEqualTo("{\"WALLET\":100,\"BONUS\":50,\"REFUND\":30}");
    assertThat(credits.get("total").asLong()).isEqualTo(180);
    JsonNode lots = credits.get("lots");
    assertThat(lots).hasSize(3);
    assertThat(lots.get(0).get("kind").asText()).isEqualTo("WALLET");
    assertThat(lots.get(0).get("expiresAt").isNull()).isTrue();
    assertThat(lots.get(1).get("remaining").asLong()).isEqualTo(50);
    assertThat(lots.get(1).get("addedAt").asText()).matches(MICROS);
    assertThat(lots.get(1).get("expiresAt").asText()).matches(MICROS);
  }

  @Test
  void each_spend_command_takes_from_its_own_kinds() {
    String user = newUser();
    ok("AddWalletCredits", user, 100);
    ok("AddBonusCredits", user, 50);
    ok("AddRefundCredits", user, 30);
    ok("SubWalletCredits", user, 10);
    ok("SubBonusCredits", user, 5);
    ok("SubRefundCredits", user, 5);
    long position = ok("SubCredits", user, 60).position(); // 45 BONUS, then 15 REFUND

    JsonNode credits = read("/wallets/" + user, position).json();
    assertThat(credits.get("balances").toString())
        .isEqualTo("{\"WALLET\":90,\"BONUS\":0,\"REFUND\":10}");
    assertThat(credits.get("total").asLong()).isEqualTo(100);
    assertThat(credits.get("lots")).hasSize(2);
  }

  @Test
  void a_spend_larger_than_the_balance_fails_and_records_nothing() {
    String user = newUser();
    long position = ok("AddWalletCredits", user, 10).position();
    assertError(client.command("SubCredits", user, 11), 422, "insufficient_credits");
    assertError(client.command("SubBonusCredits", user, 1), 422, "insufficient_credits");
    assertThat(read("/wallets/" + user + "/events", position).json()).hasSize(1);
  }

  @Test
  void expiring_nothing_succeeds_and_records_nothing() {
    String user = newUser();
    ok("AddBonusCredits", user, 10);
    Answer answer = client.post("/commands/ExpireCredits", "{\"userId\":\"" + user + "\"}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("playhead").asLong()).isZero();
    assertThat(answer.json().get("position").isNull()).isTrue();
  }

  @Test
  void an_unknown_wallet_is_not_found_by_commands_and_queries() {
    String user = newUser();
    assertError(client.command("SubWalletCredits", user, 1), 404, "wallet_not_found");
    assertError(client.command("SubCredits", user, 1), 404, "wallet_not_found");
    assertError(
        client.post("/commands/ExpireCredits", "{\"userId\":\"" + user + "\"}"),
        404,
        "wallet_not_found");
    for (String path : List.of("", "/invoices", "/events", "?asOf=2026-01-01T00:00:00Z")) {
      assertError(client.get("/wallets/" + user + path), 404, "wallet_not_found");
    }
  }

  @Test
  void wallet_and_refund_additions_are_invoiced_with_consecutive_numbers_and_bonus_is_not() {
    String user = newUser();
    ok("AddWalletCredits", user, 100);
    ok("AddBonusCredits", user, 50);
    long position = ok("AddRefundCredits", user, 30).position();

    JsonNode invoices = read("/wallets/" + user + "/invoices", position).json();
    assertThat(invoices).hasSize(2);
    assertThat(invoices.get(0).get("kind").asText()).isEqualTo("WALLET");
    assertThat(invoices.get(0).get("amount").asLong()).isEqualTo(100);
    assertThat(invoices.get(0).get("issuedAt").asText()).matches(MICROS);
    assertThat(invoices.get(1).get("kind").asText()).isEqualTo("REFUND");
    String first = invoices.get(0).get("number").asText();
    String second = invoices.get(1).get("number").asText();
    assertThat(first).matches("\\d{4}/\\d{6}");
    assertThat(Long.parseLong(second.substring(5)))
        .isEqualTo(Long.parseLong(first.substring(5)) + 1);
  }

  @Test
  void a_wallet_with_only_bonus_credits_has_no_invoices() {
    String user = newUser();
    long position = ok("AddBonusCredits", user, 50).position();
    assertThat(read("/wallets/" + user + "/invoices", position).json()).isEmpty();
  }

  @Test
  void the_history_lists_every_event_with_its_short_type_and_payload() {
    String user = newUser();
    ok("AddWalletCredits", user, 100);
    long position = ok("SubWalletCredits", user, 40).position();

    JsonNode events = read("/wallets/" + user + "/events", position).json();
    assertThat(events).hasSize(2);
    JsonNode spent = events.get(1);
    assertThat(spent.get("playhead").asLong()).isEqualTo(1);
    assertThat(spent.get("type").asText()).doesNotContain("dev.boulevard").isNotBlank();
    assertThat(spent.get("recordedOn").asText()).matches(MICROS);
    assertThat(spent.get("payload").get("amount").asLong()).isEqualTo(40);
    assertThat(spent.get("payload").get("reason").asText()).isEqualTo("SPENT");
    assertThat(spent.get("payload").get("lots")).hasSize(1);
  }

  @Test
  void the_balances_as_of_an_instant_count_only_the_events_recorded_until_then() throws Exception {
    String user = newUser();
    Answer first = ok("AddWalletCredits", user, 100);
    JsonNode events = read("/wallets/" + user + "/events", first.position()).json();
    String firstRecorded = events.get(0).get("recordedOn").asText();
    Thread.sleep(5);
    ok("AddWalletCredits", user, 20);
    ok("AddBonusCredits", user, 7);

    JsonNode then = client.get("/wallets/" + user + "?asOf=" + firstRecorded).json();
    assertThat(then.get("balances").toString())
        .isEqualTo("{\"WALLET\":100,\"BONUS\":0,\"REFUND\":0}");
    assertThat(then.get("lots")).hasSize(1);
    JsonNode now = client.get("/wallets/" + user + "?asOf=" + clock.instant()).json();
    assertThat(now.get("total").asLong()).isEqualTo(127);
    long position = lastPosition(user);
    assertThat(now)
        .as("the same answer as the read model's")
        .isEqualTo(read("/wallets/" + user, position).json());
    assertError(
        client.get("/wallets/" + user + "?asOf=2000-01-01T00:00:00Z"), 404, "wallet_not_found");
  }

  @Test
  void the_audit_log_lists_commands_newest_first_with_their_outcome() {
    String user = newUser();
    ok("AddWalletCredits", user, 10);
    client.command("SubWalletCredits", user, 11);

    JsonNode audit = client.get("/audit?limit=2").json();
    assertThat(audit).hasSize(2);
    JsonNode failed = audit.get(0);
    assertThat(failed.get("command").asText()).isEqualTo("SubWalletCredits");
    assertThat(failed.get("userId").asText()).isEqualTo(user);
    assertThat(failed.get("outcome").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).containsIgnoringCase("insufficient");
    assertThat(failed.get("duration").asText()).startsWith("PT");
    JsonNode succeeded = audit.get(1);
    assertThat(succeeded.get("command").asText()).isEqualTo("AddWalletCredits");
    assertThat(succeeded.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(succeeded.get("error").isNull()).isTrue();
  }

  @Test
  void reading_after_a_position_sees_the_commands_own_writes_every_time() {
    String user = newUser();
    List<Long> totals = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      long position = ok("AddWalletCredits", user, 1).position();
      // The API's own ?after= wait, without the tests' longer one in read()
      Answer answer = client.get("/wallets/" + user + "?after=" + position);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      totals.add(answer.json().get("total").asLong());
    }
    assertThat(totals).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
  }
}
