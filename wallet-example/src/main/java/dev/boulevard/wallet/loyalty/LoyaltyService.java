package dev.boulevard.wallet.loyalty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.messaging.InboundProjection;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.wallet.app.WalletApp;
import dev.boulevard.wallet.app.WalletBroker;
import dev.boulevard.wallet.app.WalletJson;
import dev.boulevard.wallet.app.WalletOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loyalty service: reads the wallet's events from a broker into its own database, exactly once,
 * and answers {@code GET /loyalty/{userId}}, {@code GET /loyalty} (totals) and {@code GET /health}
 * on 127.0.0.1.
 *
 * <p>{@code java -jar wallet.jar loyalty --from nats://127.0.0.1:4222 [--port 8081] [--jdbc-url URL
 * --jdbc-user U --jdbc-password P]}; without a JDBC URL its database is the H2 file {@code
 * ./data/loyalty}. It never reads the wallet's database.
 */
public final class LoyaltyService implements AutoCloseable {

  /** The name of its inbound projection, durable consumer (NATS) and consumer group (Kafka). */
  public static final String CONSUMER = "loyalty";

  /** The read model of the accounts. */
  public static final String ACCOUNTS = "loyalty_accounts";

  /** The embedded database used when no JDBC URL is given. */
  public static final String DEFAULT_JDBC_URL =
      "jdbc:h2:file:./data/loyalty;LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

  private final HikariDataSource pool;
  private final ReadModelRepository<LoyaltyAccount> accounts;
  private final WalletBroker.Consuming consumer;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper mapper = WalletJson.mapper();

  private LoyaltyService(Options options) throws Exception {
    var config = new HikariConfig();
    config.setJdbcUrl(options.jdbcUrl == null ? DEFAULT_JDBC_URL : options.jdbcUrl);
    config.setUsername(options.jdbcUrl == null ? "sa" : options.jdbcUser);
    config.setPassword(options.jdbcUrl == null ? "" : options.jdbcPassword);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(2);
    config.setPoolName("loyalty");
    this.pool = new HikariDataSource(config);
    HttpServer bound = null;
    ExecutorService threads = null;
    try {
      var storage = JdbcReadModelStorage.create(pool);
      this.accounts = storage.repository(ACCOUNTS, LoyaltyAccount.class);
      InboundProjection inbound =
          InboundProjection.named(CONSUMER)
              .storage(storage)
              .serializer(WalletApp.serializer())
              .projector(new LoyaltyProjector(accounts))
              .build();
      bound = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port), 64);
      threads = Executors.newFixedThreadPool(4);
      this.consumer = WalletBroker.consume(options.from, CONSUMER, inbound);
    } catch (Exception e) {
      if (bound != null) {
        bound.stop(0);
      }
      if (threads != null) {
        threads.shutdown();
      }
      pool.close();
      throw e;
    }
    this.server = bound;
    this.executor = threads;
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts the service from its command-line options.
   *
   * @param args {@code --from nats://HOST:PORT|kafka://HOST:PORT [--port N] [--jdbc-url URL
   *     --jdbc-user U --jdbc-password P]}
   * @return the running service
   * @throws IllegalArgumentException if an option is unknown, missing or malformed
   * @throws Exception if the broker, the database or the port cannot be used
   */
  public static LoyaltyService start(String[] args) throws Exception {
    return new LoyaltyService(Options.parse(args));
  }

  /** {@return the port it answers on} */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, error("method_not_allowed", "Only GET is served here"));
      } else if (path.equals("/health")) {
        send(exchange, 200, Map.of("status", "UP"));
      } else if (path.equals("/loyalty")) {
        send(exchange, 200, totals(accounts.findAll()));
      } else if (path.startsWith("/loyalty/") && path.length() > "/loyalty/".length()) {
        String user = path.substring("/loyalty/".length());
        var account = accounts.find(user);
        if (account.isPresent()) {
          send(exchange, 200, account.get());
        } else {
          send(exchange, 404, error("not_found", "No events of user " + user + " arrived yet"));
        }
      } else {
        send(exchange, 404, error("not_found", "No such resource: " + path));
      }
    } catch (RuntimeException e) {
      send(exchange, 500, error("internal_error", "The server failed; the failure is logged"));
      org.slf4j.LoggerFactory.getLogger(LoyaltyService.class).error("Request failed", e);
    }
  }

  private static Map<String, Object> totals(List<LoyaltyAccount> all) {
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("accounts", all.size());
    totals.put("paid", all.stream().mapToLong(LoyaltyAccount::paid).sum());
    totals.put("bonus", all.stream().mapToLong(LoyaltyAccount::bonus).sum());
    totals.put("refund", all.stream().mapToLong(LoyaltyAccount::refund).sum());
    totals.put("spent", all.stream().mapToLong(LoyaltyAccount::spent).sum());
    totals.put("expired", all.stream().mapToLong(LoyaltyAccount::expired).sum());
    totals.put("points", all.stream().mapToLong(LoyaltyAccount::points).sum());
    totals.put("events", all.stream().mapToLong(LoyaltyAccount::events).sum());
    return totals;
  }

  private static Map<String, String> error(String code, String message) {
    return Map.of("error", code, "message", message);
  }

  private void send(HttpExchange exchange, int status, Object value) throws IOException {
    byte[] body = mapper.writeValueAsBytes(value);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops answering, stops the consumer after its batch, and closes the database. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      consumer.close();
    } finally {
      pool.close();
    }
  }

  /** The service's command-line options. */
  private static final class Options {
    URI from;
    int port = 8081;
    String jdbcUrl;
    String jdbcUser;
    String jdbcPassword;

    static Options parse(String[] args) {
      var options = new Options();
      for (int i = 0; i < args.length; i += 2) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[i + 1];
        switch (name) {
          case "--from" -> options.from = WalletOptions.parseBroker("--from", value);
          case "--port" -> options.port = port(value);
          case "--jdbc-url" -> options.jdbcUrl = value;
          case "--jdbc-user" -> options.jdbcUser = value;
          case "--jdbc-password" -> options.jdbcPassword = value;
          default -> throw new IllegalArgumentException("Unknown option " + name);
        }
      }
      if (options.from == null) {
        throw new IllegalArgumentException(
            "loyalty needs --from nats://HOST:PORT or --from kafka://HOST:PORT");
      }
      return options;
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65_535) {
          throw new IllegalArgumentException("--port must be 0 to 65535, not " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port needs a number, not " + value, e);
      }
    }
  }
}
