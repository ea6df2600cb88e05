package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * Three wallet processes started at the same instant on an empty database all start, and each takes
 * commands whose events every instance then reads.
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

  private static void startAtOnce(TestWalletDatabase database) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(INSTANCES);
    var startingLine = new CountDownLatch(1);
    var starting = new ArrayList<Future<ChildApp>>();
    for (int i = 0; i < INSTANCES; i++) {
      starting.add(
          starters.submit(
              () -> {
                startingLine.await();
                return ChildApp.start(database.options());
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
      for (ChildApp app : apps) {
        var client = new WalletClient(app.port());
        for (int i = 0; i < apps.size(); i++) {
          assertThat(client.get("/wallets/fleet-" + i + "/events").json()).hasSize(1);
        }
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
