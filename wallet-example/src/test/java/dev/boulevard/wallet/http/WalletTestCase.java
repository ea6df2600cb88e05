package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.wallet.app.AdjustableClock;
import dev.boulevard.wallet.app.WalletApp;
import dev.boulevard.wallet.app.WalletOptions;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the app and its HTTP API in-process on a random free port, on a fresh database per test
 * class; each test uses wallets of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class WalletTestCase {

  private static final Duration READ_MODELS_TIMEOUT = Duration.ofSeconds(60);

  TestWalletDatabase database;
  AdjustableClock clock;
  WalletApp app;
  HttpApi api;
  WalletClient client;

  /** {@return a fresh database for this class} */
  abstract TestWalletDatabase newDatabase();

  @BeforeAll
  void start() throws Exception {
    database = newDatabase();
    startApp(Duration.ZERO);
  }

  @AfterAll
  void stop() throws Exception {
    stopApp();
    database.close();
  }

  void startApp(Duration clockOffset) throws Exception {
    WalletOptions base = database.options();
    clock = AdjustableClock.withOffset(clockOffset);
    app = WalletApp.start(base, clock);
    api = HttpApi.start(app, "127.0.0.1", 0);
    client = new WalletClient(api.port());
  }

  void stopApp() {
    if (api != null) {
      api.close();
    }
    if (app != null) {
      app.close();
    }
  }

  /**
   * {@return the global position of a wallet's last event, committed whether or not the log shows
   * it yet} On PostgreSQL the log's head lags while an older writing transaction is open, so a test
   * that waits for its own writes asks for their position instead.
   */
  long lastPosition(String user) {
    var events = app.eventStore().load(user).messages();
    long playhead = events.get(events.size() - 1).playhead();
    return app.eventStore().positionOf(user, playhead).orElseThrow();
  }

  static String newUser() {
    return "u-" + UUID.randomUUID();
  }

  /** Sends a command that must succeed and {@return its answer} */
  Answer ok(String command, String userId, long amount) {
    Answer answer = client.command(command, userId, amount);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /**
   * {@return a GET that waits for the position and must succeed} The app's {@code ?after=} waits at
   * most 5 s and then answers what is there; on a loaded machine a test that compares exact figures
   * must not depend on that window, so it first waits for the read models itself, for as long as a
   * test may take.
   */
  Answer read(String path, long after) {
    awaitReadModels(after);
    Answer answer = client.get(path + (path.contains("?") ? "&" : "?") + "after=" + after);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /**
   * Waits until every read model of the app has processed a position, and fails if it never does.
   */
  void awaitReadModels(long position) {
    long start = System.nanoTime();
    boolean reached;
    try {
      reached = app.projections().awaitPosition(position, READ_MODELS_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the read models", e);
    }
    assertThat(reached)
        .as(
            "read models at position %d within %s: %s",
            position, READ_MODELS_TIMEOUT, app.projections().status())
        .isTrue();
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    if (waited.compareTo(Duration.ofSeconds(5)) > 0) {
      System.out.println("The read models took " + waited + " to reach position " + position);
    }
  }

  /** Checks that an answer is the API's JSON error with the given status and code. */
  static void assertError(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json()).as(answer.body()).isNotNull();
    assertThat(answer.json().path("error").asText()).isEqualTo(code);
    assertThat(answer.json().path("message").asText()).isNotBlank();
    assertThat(answer.json().size()).isEqualTo(2);
  }
}
