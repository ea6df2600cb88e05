package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three wallet processes started at the same instant on an empty database all start, share the
 * projections and process managers (each held by exactly one of them, as every instance sees it),
 * and each takes commands whose events, credits and invoices every instance then answers alike, the
 * instance that runs no projection too.
 *
 * <p>The JVMs' start-up spreads the moment each one creates its tables over some hundreds of
 * milliseconds, so this test does not reliably make their DDL collide: without the schema lock it
 * passed twice in a row. {@code ConcurrentStartTest} (es-readmodel-jdbc), whose instances are
 * threads released at one instant, is the one that failed without it, on PostgreSQL and H2.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(300)
class FleetStartTest {

  private static final int INSTANCES = 3;

  @Test
  void three_instances_start_at_once_on_an_empty_postgresql_schema() throws Exception {
    try (TestWalletDatabase database = TestWalletDatabase.postgres()) {
      startAtOnce(database);
    }
  }

  @Test
  void three_instances_start_at_once_on_an_empty_mariadb_database() throws Exception {
    try (TestWalletDatabase database = TestWalletDatabase.mariadb()) {
      startAtOnce(database);
    }
  }

  /**
   * Checks that every projection and process manager is held by exactly one instance, unexpired, as
   * each instance sees it, and that some projection is held by each of two instances.
   */
  private static void assertShared(List<ChildApp> apps) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      var views = new ArrayList<String>();
      var holders = new HashSet<String>();
      var problems = new ArrayList<String>();
      for (ChildApp app : apps) {
        JsonNode status = new WalletClient(app.port()).get("/admin/projections").json();
        var owners = new ArrayList<String>();
        for (JsonNode f : Fleet.followers(status)) {
          String owner = f.path("owner").asText("");
          owners.add(f.get("name").asText() + "=" + owner);
          if (owner.isEmpty() || f.get("leaseExpired").asBoolean()) {
            problems.add(f.toString());
          }
          if (f.get("heldHere").asBoolean() != owner.equals(status.get("node").asText())) {
            problems.add("heldHere wrong: " + f);
          }
        }
        status.get("projections").forEach(f -> holders.add(f.path("owner").asText()));
        views.add(String.join(",", owners));
      }
      if (problems.isEmpty() && views.stream().distinct().count() == 1 && holders.size() == 2) {
        return;
      }
      assertThat(System.nanoTime() - deadline)
          .as("projections not shared within 60 s: %s %s %s", views, holders, problems)
          .isNegative();
      ThrowawayServer.pause(50);
    }
  }

  private static void startAtOnce(TestWalletDatabase database) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(INSTANCES);
    var startingLine = new CountDownLatch(1);
    var starting = new ArrayList<Future<ChildApp>>();
    for (int i = 0; i < INSTANCES; i++) {
      String node = "node-" + (char) ('a' + i);
      starting.add(
          starters.submit(
              () -> {
                startingLine.await();
                return ChildApp.start(database.options().inFleet(node, Duration.ofSeconds(2)));
              }));
    }
    startingLine.countDown();
    List<ChildApp> apps = new ArrayList<>();
    try {
      for (Future<ChildApp> app : starting) {
        apps.add(app.get(120, TimeUnit.SECONDS)); // rethrows a start that failed, with its log
      }
      for (int i = 0; i < apps.size(); i++) {
        var client = new WalletClient(apps.get(i).port());
        assertThat(client.command("AddWalletCredits", "fleet-" + i, 10).status())
            .as("a command on instance %d", i)
            .isEqualTo(200);
      }
      long last = 0;
      for (int i = 0; i < apps.size(); i++) {
        var client = new WalletClient(apps.get(i).port());
        last = Math.max(last, client.command("AddWalletCredits", "fleet-" + i, 5).position());
      }
      assertShared(apps);
      List<String> first = null;
      for (ChildApp app : apps) {
        var client = new WalletClient(app.port());
        var answers = new ArrayList<String>();
        for (int i = 0; i < apps.size(); i++) {
          assertThat(client.get("/wallets/fleet-" + i + "/events").json()).hasSize(2);
          for (String view : List.of("", "/invoices")) {
            var answer = client.get("/wallets/fleet-" + i + view + "?after=" + last);
            assertThat(answer.headers().firstValue(QueryRoutes.STALE_HEADER)).isEmpty();
            answers.add(answer.body());
          }
        }
        if (first == null) {
          first = answers;
        }
        assertThat(answers)
            .as("instance on port %d answers as the first", app.port())
            .isEqualTo(first);
      }
    } finally {
      for (Future<ChildApp> app : starting) {
        if (app.isDone() && !app.isCancelled()) {
          try {
            app.get().close();
          } catch (Exception e) {
            // a start that failed has nothing to close
          }
        }
      }
      starters.shutdownNow();
    }
  }
}
