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
 * row, then checks that every acknowledged command is in the store and the read models equal what
 * the events say. Rounds: {@code -Dboulevard.reliability.rounds} (3 by default).
 */
@Tag("reliability")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillNineTest {

  private static final int CLIENTS = 8;
  private static final int WALLETS = 6;

  @Test
  void on_h2_no_acknowledged_command_is_lost() throws Exception {
    survivesKills(TestWalletDatabase.h2(), "H2");
  }

  @Test
  void on_postgresql_no_acknowledged_command_is_lost() throws Exception {
    survivesKills(TestWalletDatabase.postgres(), "POSTGRESQL");
  }

  @Test
  void on_mariadb_no_acknowledged_command_is_lost() throws Exception {
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
          assertThat(load.unexpected).as("answers other than 200, 404 and 422").isEmpty();
        }
      }
      try (ChildApp app = ChildApp.start(database.options())) {
        var outcome =
            LoadVerification.verify(
                new WalletClient(app.port()), prefix, WALLETS, load, p -> awaitMarker(app, prefix));
        new ReliabilityReport("KillNineTest", name)
            .with("seconds", (System.nanoTime() - start) / 1e9)
            .with("kills", ReliabilityReport.ROUNDS)
            .with("commandsAnswered", load.answered.get())
            .with("acknowledged", outcome.acknowledged())
            .with("cutOff", load.cutOff.get())
            .with("cutOffButStored", outcome.storedUncertain())
            // the checks above failed the test on any lost or duplicated command
            .with("lost", 0)
            .with("duplicated", 0)
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
