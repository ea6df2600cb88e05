package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three wallet processes on one database, with leases of 2 s, take commands round-robin from 8
 * clients while one instance after another is killed with SIGKILL and started again under its node
 * id. A command cut off by a kill is sent again with its {@code Idempotency-Key} to the next
 * instance. After each kill the others must take over the dead instance's projections and process
 * managers (the time it takes is measured); at the end every command must have been applied exactly
 * once, and on every instance the read models must equal what the events say, with gap-free
 * invoices. Kills: {@code -Dboulevard.reliability.rounds} (3 by default).
 */
@Tag("reliability")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FleetKillTest {

  private static final int CLIENTS = 8;
  private static final int WALLETS = 6;
  private static final Duration LEASE_TIME = Duration.ofSeconds(2);
  private static final long TAKEOVER_LIMIT_NANOS = 60_000_000_000L;

  @Test
  void on_postgresql_the_others_take_over_and_every_command_is_applied_once() throws Exception {
    survivesKills(TestWalletDatabase.postgres(), "POSTGRESQL");
  }

  @Test
  void on_mariadb_the_others_take_over_and_every_command_is_applied_once() throws Exception {
    survivesKills(TestWalletDatabase.mariadb(), "MARIADB");
  }

  private void survivesKills(TestWalletDatabase database, String name) throws Exception {
    long start = System.nanoTime();
    try (database;
        Fleet fleet = Fleet.start(database.options(), LEASE_TIME, "a", "b", "c")) {
      fleet.awaitShared();
      String prefix = "fleet-" + Long.toString(System.nanoTime(), 36) + "-";
      var load = new CommandLoad(prefix, WALLETS, true).startOnFleet(fleet::nextClient, CLIENTS);
      var takeovers = new ArrayList<Long>();
      for (int round = 0; round < ReliabilityReport.ROUNDS; round++) {
        Thread.sleep(1_000 + ThreadLocalRandom.current().nextInt(2_000));
        int victim = victim(fleet, round);
        long killed = System.nanoTime();
        fleet.kill(victim); // while clients wait for its answers
        takeovers.add(awaitTakeover(fleet, victim, killed));
        fleet.restart(victim);
        assertThat(load.unexpected).as("answers other than 200, 404, 409, 422 and 503").isEmpty();
      }
      Thread.sleep(1_000);
      load.stop();
      int pending = load.pending();
      load.resendPending(fleet.client(0));
      assertThat(load.unexpected).isEmpty();
      var outcome =
          LoadVerification.verify(
              fleet.client(0), prefix, WALLETS, load, marker -> fleet.awaitPosition(0, marker));
      for (int i = 1; i < fleet.size(); i++) {
        fleet.awaitPosition(i, outcome.marker());
        LoadVerification.verifyReadModels(fleet.client(i), prefix, WALLETS, load, outcome.marker());
      }
      fleet.awaitShared();
      report(name, start, load, outcome, pending, takeovers);
    }
  }

  /**
   * {@return the instance to kill: one that holds a lease, taking turns among them, so that each
   * kill has something to take over}
   */
  private static int victim(Fleet fleet, int round) {
    JsonNode status = fleet.status(0);
    var owners = new ArrayList<Integer>();
    for (int i = 0; i < fleet.size(); i++) {
      if (!Fleet.ownedBy(status, fleet.node(i)).isEmpty()) {
        owners.add(i);
      }
    }
    assertThat(owners).as("instances holding leases: %s", status).isNotEmpty();
    return owners.get(round % owners.size());
  }

  /**
   * Polls the survivors every 50 ms until each shows every projection and process manager held by
   * another instance than the dead one, and {@return the nanoseconds from the kill until then}
   */
  private static long awaitTakeover(Fleet fleet, int victim, long killed) {
    String dead = fleet.node(victim);
    while (true) {
      boolean taken = true;
      for (int i = 0; i < fleet.size() && taken; i++) {
        if (i != victim) {
          taken = Fleet.followers(fleet.status(i)).stream().allMatch(Fleet.heldByAnotherThan(dead));
        }
      }
      long elapsed = System.nanoTime() - killed;
      if (taken) {
        return elapsed;
      }
      assertThat(elapsed)
          .as(
              "the survivors did not take over %s's leases within 60 s: %s",
              dead, fleet.status((victim + 1) % fleet.size()))
          .isLessThan(TAKEOVER_LIMIT_NANOS);
      ThrowawayServer.pause(50);
    }
  }

  private static void report(
      String name,
      long start,
      CommandLoad load,
      LoadVerification.Outcome outcome,
      int pending,
      List<Long> takeovers) {
    List<Long> sorted = new ArrayList<>(takeovers);
    Collections.sort(sorted);
    double p50 = percentile(sorted, 0.50);
    double p99 = percentile(sorted, 0.99);
    System.out.printf(
        "FLEET: %s takeover after SIGKILL (lease PT2S, 3 instances): n=%d p50=%.0f ms p99=%.0f ms"
            + " max=%.0f ms all=%s%n",
        name,
        sorted.size(),
        p50,
        p99,
        sorted.get(sorted.size() - 1) / 1e6,
        sorted.stream().map(t -> Math.round(t / 1e6)).toList());
    new ReliabilityReport("FleetKillTest", name)
        .with("seconds", (System.nanoTime() - start) / 1e9)
        .with("kills", takeovers.size())
        .with("takeoverP50Millis", p50)
        .with("takeoverP99Millis", p99)
        .with("commandsSent", load.commands.get())
        .with("acknowledged", outcome.acknowledged())
        .with("cutOff", load.cutOff.get())
        .with("refusedByADeadInstance", load.refused.get())
        .with("resends", load.resends.get())
        .with("resentAfterTheLastKill", pending)
        .with("replayed", load.replayed.get())
        .with("conflicts", load.conflicts.get())
        .with("lost", outcome.lost())
        .with("duplicated", outcome.duplicated())
        .publish();
  }

  /** {@return the nearest-rank percentile of sorted nanoseconds, in milliseconds} */
  private static double percentile(List<Long> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }
}
