package dev.boulevard.messaging.nats;

import static org.junit.jupiter.api.Assertions.fail;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The NATS servers of the tests: the machine's, on 127.0.0.1:4222 with JetStream, which {@code
 * .ci/run} starts if it is down, and a test's own ({@link NatsProcess}). Without a server a test is
 * skipped loudly, or fails when the environment variable {@code CI} is set.
 */
final class NatsTestServers {

  static final String SHARED_URL = "nats://127.0.0.1:4222";

  /** Logs nothing: the tests stop servers on purpose, and the default listener shouts. */
  static final ErrorListener QUIET = new ErrorListener() {};

  private NatsTestServers() {}

  /** {@return options that reconnect for ever, quickly, without logging each disconnect} */
  static Options.Builder options(String url) {
    return Options.builder()
        .server(url)
        .errorListener(QUIET)
        .connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(200));
  }

  /** {@return a connection to the machine's server; skips or fails the test without one} */
  static Connection shared() throws InterruptedException {
    try {
      Connection connection = Nats.connect(options(SHARED_URL).maxReconnects(0).build());
      connection.jetStreamManagement().getAccountStatistics();
      return connection;
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      unavailable("No NATS server with JetStream at " + SHARED_URL + ": " + e);
      throw new AssertionError("unreachable");
    }
  }

  /** Skips the test with a message everybody sees, or fails it in CI. */
  static void unavailable(String why) {
    String message = why + " (.ci/run starts one: nats-server -a 127.0.0.1 -p 4222 -js -sd <dir>)";
    System.err.println("!!! SKIPPED NATS TEST: " + message);
    if (System.getenv("CI") != null) {
      fail(message + "; CI is set, so this fails instead of skipping");
    }
    Assumptions.abort(message);
  }

  /** {@return a name unique to this run, usable as a stream name and a subject token} */
  static String unique(String base) {
    return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Deletes a stream, if it is there. */
  static void deleteStream(Connection connection, String stream) {
    try {
      connection.jetStreamManagement().deleteStream(stream);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      // already gone, or the server with it
    }
  }
}
