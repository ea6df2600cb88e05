package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpServer;
import dev.boulevard.wallet.app.WalletApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wallet's HTTP API, served by the JDK's own HTTP server on a fixed pool of threads.
 *
 * <pre>{@code
 * try (HttpApi api = HttpApi.start(app, "127.0.0.1", 8080)) { ... }
 * }</pre>
 *
 * <p>The JDK's server has no per-server setting for TCP_NODELAY or for cutting off slow clients: it
 * reads the {@code sun.net.httpserver.*} system properties once per JVM, when the first server is
 * created. The app's {@code Main} sets them before that; an API started elsewhere runs with what
 * its JVM was given.
 */
public final class HttpApi implements AutoCloseable {

  /** How many requests are handled at once; more wait in the server's queue. */
  public static final int THREADS = 16;

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving the app's API.
   *
   * @param app the app
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port, 0 for any free one
   * @return the running API
   * @throws IOException if the port cannot be bound
   */
  public static HttpApi start(WalletApp app, String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads());
    server.setExecutor(executor);
    server.createContext("/", new WalletHandler(app));
    server.start();
    return new HttpApi(server, executor);
  }

  /** {@return the port it listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting requests, lets the running ones finish for up to a second, and stops. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory threads() {
    var count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "wallet-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
