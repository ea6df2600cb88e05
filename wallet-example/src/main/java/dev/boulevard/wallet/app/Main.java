package dev.boulevard.wallet.app;

import dev.boulevard.wallet.http.HttpApi;

/**
 * Runs the wallet: {@code java -jar wallet.jar [--port N] [--clock-offset P91D] [--jdbc-url URL
 * --jdbc-user U --jdbc-password P]} serves the HTTP API on 127.0.0.1, and {@code java -jar
 * wallet.jar demo} runs a short scripted story on a fresh embedded database.
 */
public final class Main {

  private Main() {}

  /**
   * Starts the app, or the demo.
   *
   * @param args the options, or {@code demo}
   * @throws Exception if the app cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("demo")) {
      Demo.run(System.out);
      return;
    }
    WalletOptions options;
    try {
      options = WalletOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: java -jar wallet.jar [--port N] [--clock-offset P91D]"
              + " [--jdbc-url URL --jdbc-user USER --jdbc-password PASSWORD] | demo");
      System.exit(2);
      return;
    }
    serve(options);
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
        "Wallet serving on http://127.0.0.1:%d (%s, clock offset %s)%n",
        api.port(),
        options.jdbcUrl() == null ? "embedded H2 under ./data/" : "database from the options",
        options.clockOffset());
    System.out.println("Try: curl -s localhost:" + api.port() + "/health");
  }
}
