package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.wallet.app.WalletApp;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.Reason;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Time, concurrency, rebuilds and restarts. */
abstract class LifecycleCases extends WalletTestCase {

  @Test
  void expired_credits_leave_the_balance_before_their_expiry_is_recorded() {
    String user = newUser();
    ok("AddWalletCredits", user, 10);
    ok("AddBonusCredits", user, 50);
    long position = ok("AddRefundCredits", user, 30).position();
    clock.advance(Duration.ofDays(91));
    try {
      JsonNode credits = read("/wallets/" + user, position).json();
      assertThat(credits.get("balances").toString())
          .isEqualTo("{\"WALLET\":10,\"BONUS\":0,\"REFUND\":0}");
      assertThat(credits.get("lots")).hasSize(1);
      assertError(client.command("SubBonusCredits", user, 1), 422, "insufficient_credits");

      // The expiry process may have recorded the expiry already; then this one records nothing.
      Answer expired = client.post("/commands/ExpireCredits", "{\"userId\":\"" + user + "\"}");
      assertThat(expired.status()).isEqualTo(200);
      long recorded = lastPosition(user);
      JsonNode events = read("/wallets/" + user + "/events", recorded).json();
      assertThat(events).hasSize(5);
      assertThat(events.get(3).get("payload").get("reason").asText()).isEqualTo("EXPIRED");
      assertThat(read("/wallets/" + user, recorded).json().get("total").asLong()).isEqualTo(10);
    } finally {
      clock.advance(Duration.ofDays(-91));
    }
  }

  @Test
  void credits_expire_by_themselves_once_the_clock_passes_their_expiry() throws Exception {
    String user = newUser();
    ok("AddWalletCredits", user, 10);
    ok("AddBonusCredits", user, 50);
    ok("AddRefundCredits", user, 30);
    clock.advance(Duration.ofDays(91));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (app.eventStore().load(user).messages().size() < 5) {
        assertThat(System.nanoTime())
            .as("the expiry, unasked for, within 30 s")
            .isLessThan(deadline);
        Thread.sleep(20);
      }
      List<Object> events =
          app.eventStore().load(user).messages().stream().map(m -> m.payload()).toList();
      assertThat(events).hasSize(5);
      assertThat(events.subList(3, 5))
          .allSatisfy(
              event ->
                  assertThat(event)
                      .isInstanceOfAny(BonusCreditsSubtracted.class, RefundCreditsSubtracted.class)
                      .hasFieldOrPropertyWithValue("reason", Reason.EXPIRED));
      JsonNode credits = read("/wallets/" + user, lastPosition(user)).json();
      assertThat(credits.get("total").asLong()).isEqualTo(10);
      assertThat(credits.get("lots")).hasSize(1);
      assertThat(app.sagas().failed()).isEmpty();
    } finally {
      clock.advance(Duration.ofDays(-91));
    }
  }

  @Test
  void the_clock_offset_option_moves_the_apps_time() throws Exception {
    String user = newUser();
    ok("AddBonusCredits", user, 50);
    stopApp();
    startApp(Duration.parse("P91D"));
    try {
      assertThat(client.get("/wallets/" + user).json().get("total").asLong()).isZero();
    } finally {
      stopApp();
      startApp(Duration.ZERO);
    }
  }

  @Test
  void concurrent_spends_and_additions_on_one_wallet_lose_no_update() throws Exception {
    String user = newUser();
    ok("AddWalletCredits", user, 500);
    AtomicLong expected = new AtomicLong(500);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(12);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 15; i++) {
                  long amount = ThreadLocalRandom.current().nextLong(1, 80);
                  boolean add = ThreadLocalRandom.current().nextBoolean();
                  Answer answer =
                      client.command(add ? "AddWalletCredits" : "SubCredits", user, amount);
                  statuses.merge(answer.status(), 1, Integer::sum);
                  if (answer.status() == 200) {
                    expected.addAndGet(add ? amount : -amount);
                  }
                }
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
    assertThat(statuses.keySet()).isSubsetOf(200, 422, 409);
    long position = lastPosition(user);
    assertThat(read("/wallets/" + user, position).json().get("total").asLong())
        .isEqualTo(expected.get());
    assertThat(
            client
                .get("/wallets/" + user + "?asOf=" + clock.instant())
                .json()
                .get("total")
                .asLong())
        .isEqualTo(expected.get());
  }

  @Test
  void two_apps_on_one_database_racing_for_one_wallet_lose_no_update() throws Exception {
    String user = newUser();
    ok("AddWalletCredits", user, 1_000);
    try (var otherApp = WalletApp.start(database.options(), clock);
        var otherApi = HttpApi.start(otherApp, "127.0.0.1", 0)) {
      List<WalletClient> clients = List.of(client, new WalletClient(otherApi.port()));
      AtomicLong expected = new AtomicLong(1_000);
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        WalletClient mine = clients.get(t % 2);
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    Answer answer = mine.command("SubWalletCredits", user, 3);
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 200) {
                      expected.addAndGet(-3);
                    } else {
                      assertError(answer, 409, "concurrency_conflict");
                    }
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      threads.shutdown();
      System.out.println("Two apps racing for one wallet: answers by status " + statuses);
      long position = lastPosition(user);
      long replayed =
          client.get("/wallets/" + user + "?asOf=" + clock.instant()).json().get("total").asLong();
      assertThat(read("/wallets/" + user, position).json().get("total").asLong())
          .as("the read model; %s replayed from the events, at position %d", replayed, position)
          .isEqualTo(expected.get());
      assertThat(replayed).as("the events replayed").isEqualTo(expected.get());
    }
  }

  @Test
  void read_models_that_stopped_mid_way_catch_up_when_the_app_starts_again() throws Exception {
    String user = newUser();
    ok("AddWalletCredits", user, 100);
    app.projections().close(); // as if the process died: events go on being stored
    ok("AddRefundCredits", user, 40);
    long position = ok("SubWalletCredits", user, 30).position();
    stopApp();
    startApp(Duration.ZERO);
    JsonNode credits = read("/wallets/" + user, position).json();
    assertThat(credits.get("balances").toString())
        .isEqualTo("{\"WALLET\":70,\"BONUS\":0,\"REFUND\":40}");
    assertThat(read("/wallets/" + user + "/invoices", position).json()).hasSize(2);
  }

  @Test
  void a_restarted_app_on_the_same_database_gives_the_same_answers() throws Exception {
    String user = newUser();
    ok("AddWalletCredits", user, 100);
    ok("AddRefundCredits", user, 40);
    long position = ok("SubCredits", user, 15).position();
    List<String> paths =
        List.of(
            "/wallets/" + user, "/wallets/" + user + "/invoices", "/wallets/" + user + "/events");
    List<String> before = paths.stream().map(path -> read(path, position).body()).toList();

    stopApp();
    startApp(Duration.ZERO);

    assertThat(paths.stream().map(path -> read(path, position).body()).toList()).isEqualTo(before);
    long next = ok("AddWalletCredits", user, 1).position();
    assertThat(next).isGreaterThan(position);
    assertThat(read("/wallets/" + user, next).json().get("total").asLong()).isEqualTo(126);
  }
}
