package dev.boulevard.wallet.app;

import dev.boulevard.wallet.http.HttpApi;
import dev.boulevard.wallet.loyalty.LoyaltyService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the wallet: {@code java -jar wallet.jar [--port N] [--clock-offset P91D] [--jdbc-url URL
 * --jdbc-user U --jdbc-password P] [--node-id NAME] [--lease-time PT10S]} serves the HTTP API on
 * 127.0.0.1 (instances on one database share its projections, each under its node id), and {@code
 * java -jar wallet.jar demo} runs a short scripted story on a fresh embedded database, and {@code
 * java -jar wallet.jar seed --events N [database options]} fills a store with N synthetic events,
 * and {@code java -jar wallet.jar verify [--jdbc-url URL --jdbc-user U --jdbc-password P]} reads
 * every stored event and replays every wallet ({@link WalletVerification}); with {@code --publish
 * nats://HOST:PORT} or {@code --publish kafka://HOST:PORT} the app publishes its events to that
 * broker, and {@code java -jar wallet.jar loyalty --from nats://HOST:PORT [--port 8081]} runs the
 * loyalty service, which builds its own view from them ({@link LoyaltyService}).
 */
public final class Main {

  private Main() {}

  /**
   * Starts the app, the demo or the seeding.
   *
   * @param args the options, {@code demo}, {@code seed} and its options, or {@code verify} and its
   *     options
   * @throws Exception if the app cannot start
   */
  public static void main(String[] args) throws Exception {
    configureHttpServer();
    if (args.length > 0 && args[0].equals("demo")) {
      Demo.run(System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("loyalty")) {
      loyalty(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("verify")) {
      String[] verifyArgs = Arrays.copyOfRange(args, 1, args.length);
      System.exit(
          WalletVerification.command(System.getenv()).run(verifyArgs, System.out, System.err));
      return;
    }
    boolean seed = args.length > 0 && args[0].equals("seed");
    long events = 0;
    String[] optionArgs = args;
    WalletOptions options;
    try {
      if (seed) {
        var rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        events = takeEvents(rest);
        optionArgs = rest.toArray(String[]::new);
      }
      options = WalletOptions.parse(optionArgs, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: java -jar wallet.jar [--port N] [--clock-offset P91D]"
              + " [--jdbc-url URL --jdbc-user USER --jdbc-password PASSWORD]"
              + " [--node-id NAME (default pid@host)] [--lease-time PT10S (PT1S to PT10M)]"
              + " [--publish nats://HOST:PORT | kafka://HOST:PORT]"
              + " | demo | seed --events N [--jdbc-url ...] | verify [--jdbc-url ...]");
      System.exit(2);
      return;
    }
    if (seed) {
      Seed.run(options, events, System.out);
    } else {
      serve(options);
    }
  }

  private static void loyalty(String[] args) throws Exception {
    LoyaltyService service;
    try {
      service = LoyaltyService.start(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: java -jar wallet.jar loyalty --from nats://HOST:PORT|kafka://HOST:PORT"
              + " [--port N (default 8081)] [--jdbc-url URL --jdbc-user USER --jdbc-password P]");
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "loyalty-shutdown"));
    System.out.printf("Loyalty serving on http://127.0.0.1:%d%n", service.port());
    System.out.println("Try: curl -s localhost:" + service.port() + "/loyalty");
  }

  /**
   * Sets how the JDK's HTTP server treats connections, unless given on the command line.
   *
   * <p>These are JVM-wide: the JDK has no per-server setting for them and reads them once, when the
   * first server is created, so they belong here, before anything starts a server, and not in
   * {@code HttpApi.start}.
   */
  private static void configureHttpServer() {
    // A client that sends its request, or reads its answer, too slowly is cut off (seconds).
    setUnlessGiven("sun.net.httpserver.maxReqTime", "30");
    setUnlessGiven("sun.net.httpserver.maxRspTime", "30");
    // Without it each answer waits for the client's delayed ACK (Nagle): about 40 ms per request.
    setUnlessGiven("sun.net.httpserver.nodelay", "true");
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private static long takeEvents(List<String> args) {
    int at = args.indexOf("--events");
    if (at < 0 || at + 1 >= args.size()) {
      throw new IllegalArgumentException("seed needs --events N");
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    try {
      long events = Long.parseLong(value);
      if (events < 1) {
        throw new IllegalArgumentException("--events must be 1 or more, not " + value);
      }
      return events;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--events needs a number, not " + value, e);
    }
  }

  private static void serve(WalletOptions options) throws Exception {
    WalletApp app = WalletApp.start(options, AdjustableClock.withOffset(options.clockOffset()));
    HttpApi api;
    try {
      api = HttpApi.start(app, "127.0.0.1", options.port());
    } catch (Exception e) {
      app.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  api.close();
                  app.close();
                },
                "wallet-shutdown"));
    System.out.printf(
        "Wallet serving on http://127.0.0.1:%d (%s, clock offset %s, node %s, lease time %s%s)%n",
        api.port(),
        options.jdbcUrl() == null ? "embedded H2 under ./data/" : "database from the options",
        options.clockOffset(),
        app.projections().runnerName(),
        options.leaseTime(),
        options.publish() == null ? "" : ", publishing to " + options.publish());
    System.out.println("Try: curl -s localhost:" + api.port() + "/health");
  }
}
