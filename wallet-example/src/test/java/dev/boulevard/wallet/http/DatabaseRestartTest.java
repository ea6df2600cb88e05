package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.wallet.app.AdjustableClock;
import dev.boulevard.wallet.app.WalletApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stops and starts the app's database server again and again while concurrent clients send
 * commands: the app stays up, answers {@code 503 storage_unavailable} while the server is gone,
 * reconnects by itself when it is back, and its read models catch up to equal the events. Each
 * command carries an {@code Idempotency-Key} of its own and is sent again with it after a 503 until
 * it is answered, so every command must have been applied exactly once: no acknowledged command
 * lost, none applied twice, the balances what the acknowledged commands add up to. Rounds alternate
 * a clean shutdown with a crash, and a short outage with one longer than the pool's 10 s wait for a
 * connection, so that commands waiting for the server give up and are refused. Rounds: {@code
 * -Dboulevard.reliability.rounds} (3 by default).
 */
@Tag("reliability")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(900)
class DatabaseRestartTest {

  private static final int CLIENTS = 8;
  private static final int WALLETS = 6;
  private static final Duration LONG_OUTAGE = Duration.ofSeconds(12);
  private static final Duration SHORT_OUTAGE = Duration.ofSeconds(1);

  @Test
  void on_postgresql_the_app_rides_out_restarts_and_loses_nothing() throws Exception {
    ridesOutRestarts(ThrowawayServer.postgres(), "POSTGRESQL");
  }

  @Test
  void on_mariadb_the_app_rides_out_restarts_and_loses_nothing() throws Exception {
    ridesOutRestarts(ThrowawayServer.mariadb(), "MARIADB");
  }

  private void ridesOutRestarts(ThrowawayServer server, String name) throws Exception {
    long start = System.nanoTime();
    try (server;
        WalletApp app =
            WalletApp.start(server.options(), AdjustableClock.withOffset(Duration.ZERO));
        HttpApi api = HttpApi.start(app, "127.0.0.1", 0)) {
      var client = new WalletClient(api.port());
      String prefix = "restart-" + Long.toString(System.nanoTime(), 36) + "-";
      var load = new CommandLoad(prefix, WALLETS, false).start(client, CLIENTS);
      List<Long> recoveries = new ArrayList<>();
      int crashes = 0;
      int refusedDuringOutages = 0;
      for (int round = 0; round < Math.max(2, ReliabilityReport.ROUNDS); round++) {
        Thread.sleep(1_500);
        boolean crash = round % 2 == 1;
        Duration outage = round % 2 == 0 ? LONG_OUTAGE : SHORT_OUTAGE;
        int refused = load.unavailable.get();
        server.stop(crash);
        crashes += crash ? 1 : 0;
        Thread.sleep(outage.toMillis());
        server.start();
        long back = System.nanoTime();
        recoveries.add(awaitAcknowledgementAfter(load, back) / 1_000_000);
        refusedDuringOutages += load.unavailable.get() - refused;
        if (outage.equals(LONG_OUTAGE)) {
          assertThat(load.unavailable.get())
              .as("commands refused while the server was down for %s", outage)
              .isGreaterThan(refused);
        }
      }
      Thread.sleep(1_500);
      load.stop();
      int pending = load.pending();
      load.resendPending(client);
      assertThat(load.unexpected)
          .as("answers other than 200, 404, 409, 422 insufficient_credits and 503")
          .isEmpty();

      var outcome =
          LoadVerification.verify(client, prefix, WALLETS, load, p -> awaitReadModels(app, p));
      assertThat(app.sagas().awaitPosition(outcome.marker(), Duration.ofSeconds(120))).isTrue();
      assertThat(app.sagas().failed()).as("outbox entries that failed").isEmpty();
      var statuses = new ArrayList<>(app.projections().status());
      statuses.addAll(app.sagas().status());
      assertThat(statuses)
          .allSatisfy(status -> assertThat(status.state()).isNotEqualTo(ProjectionState.PARKED));

      new ReliabilityReport("DatabaseRestartTest", name)
          .with("seconds", (System.nanoTime() - start) / 1e9)
          .with("restarts", recoveries.size())
          .with("crashes", crashes)
          .with("commandsSent", load.commands.get())
          .with("acknowledged", outcome.acknowledged())
          .with("refusedWith503", load.unavailable.get())
          .with("refusedWith503DuringOutages", refusedDuringOutages)
          .with("retried", load.retried.get())
          .with("resends", load.resends.get())
          .with("resentAfterTheLoadStopped", pending)
          .with("replayed", load.replayed.get())
          .with("conflicts", load.conflicts.get())
          .with("firstAcknowledgementAfterRestartMillis", recoveries)
          .with("lost", outcome.lost())
          .with("duplicated", outcome.duplicated())
          .publish();
    }
  }

  /** {@return nanoseconds from the server's return to the next acknowledged command} */
  private static long awaitAcknowledgementAfter(CommandLoad load, long back)
      throws InterruptedException {
    long deadline = back + Duration.ofSeconds(60).toNanos();
    while (load.lastAck.get() - back < 0) {
      assertThat(System.nanoTime() - deadline)
          .as("no command acknowledged within 60 s of the server's return")
          .isNegative();
      Thread.sleep(10);
    }
    return load.lastAck.get() - back;
  }

  private static void awaitReadModels(WalletApp app, long position) {
    try {
      assertThat(app.projections().awaitPosition(position, Duration.ofSeconds(120)))
          .as("read models at %d: %s", position, app.projections().status())
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
