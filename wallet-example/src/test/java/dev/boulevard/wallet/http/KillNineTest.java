package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kills the app with {@code kill -9} while concurrent clients send commands, several times in a
 * row. Each command carries an {@code Idempotency-Key} of its own, and one left without an answer
 * by a kill is sent again with its key to the restarted app until it is answered. Then every
 * command must have been applied exactly once: each acknowledged command's event is in the store,
 * nothing else is, the balances are what the acknowledged commands add up to, invoice numbers are
 * gap-free and the read models equal what the events say. Rounds: {@code
 * -Dboulevard.reliability.rounds} (3 by default).
 */
@Tag("reliability")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillNineTest {

  private static final int CLIENTS = 8;
  private static final int WALLETS = 6;

  @Test
  void on_h2_every_command_is_applied_exactly_once() throws Exception {
    survivesKills(TestWalletDatabase.h2(), "H2");
  }

  @Test
  void on_postgresql_every_command_is_applied_exactly_once() throws Exception {
    survivesKills(TestWalletDatabase.postgres(), "POSTGRESQL");
  }

  @Test
  void on_mariadb_every_command_is_applied_exactly_once() throws Exception {
    survivesKills(TestWalletDatabase.mariadb(), "MARIADB");
  }

  private void survivesKills(TestWalletDatabase database, String name) throws Exception {
    long start = System.nanoTime();
    try (database) {
      String prefix = "kill-" + Long.toString(System.nanoTime(), 36) + "-";
      var load = new CommandLoad(prefix, WALLETS, true);
      for (int round = 0; round < ReliabilityReport.ROUNDS; round++) {
        try (ChildApp app = ChildApp.start(database.options())) {
          int answered = load.answered.get();
          load.start(new WalletClient(app.port()), CLIENTS);
          awaitAnAnswerAfter(load, answered);
          Thread.sleep(500 + ThreadLocalRandom.current().nextInt(2_000));
          app.kill(); // while the clients wait for answers
          load.stop();
          assertThat(load.unexpected)
              .as("answers other than 200, 404, 409, 422 insufficient_credits and 503")
              .isEmpty();
        }
      }
      try (ChildApp app = ChildApp.start(database.options())) {
        var client = new WalletClient(app.port());
        int pending = load.pending();
        load.resendPending(client);
        assertThat(load.unexpected).isEmpty();
        var outcome =
            LoadVerification.verify(client, prefix, WALLETS, load, p -> awaitMarker(app, prefix));
        new ReliabilityReport("KillNineTest", name)
            .with("seconds", (System.nanoTime() - start) / 1e9)
            .with("kills", ReliabilityReport.ROUNDS)
            .with("commandsSent", load.commands.get())
            .with("acknowledged", outcome.acknowledged())
            .with("cutOff", load.cutOff.get())
            .with("retried", load.retried.get())
            .with("resends", load.resends.get())
            .with("resentAfterTheLastKill", pending)
            .with("replayed", load.replayed.get())
            .with("conflicts", load.conflicts.get())
            .with("lost", outcome.lost())
            .with("duplicated", outcome.duplicated())
            .publish();
      }
    }
  }

  /** Waits until the clients have had an answer from this round's app, on a busy machine too. */
  private static void awaitAnAnswerAfter(CommandLoad load, int answered)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (load.answered.get() == answered) {
      assertThat(System.nanoTime() - deadline)
          .as("no command answered within 60 s of the app's start")
          .isNegative();
      Thread.sleep(10);
    }
  }

  /**
   * Waits until the restarted app's credits read model shows the marker's wallet: the app's own
   * {@code ?after=} waits at most 5 s, which a busy machine catching up after a kill may exceed.
   */
  private static void awaitMarker(ChildApp app, String prefix) {
    var client = new WalletClient(app.port());
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (client.get("/wallets/" + prefix + "marker").status() != 200) {
      assertThat(System.nanoTime() - deadline)
          .as("the read model did not show the marker within 120 s")
          .isNegative();
      ThrowawayServer.pause(50);
    }
  }
}
