package dev.boulevard.wallet.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * How the app is started: its port, its clock offset and its database.
 *
 * @param port the HTTP port, 0 for any free one
 * @param clockOffset how far the app's clock runs ahead of the system's
 * @param jdbcUrl the database's JDBC URL, or null for the embedded H2 file under {@code ./data/}
 * @param jdbcUser the database user, or null
 * @param jdbcPassword the database password, or null
 */
public record WalletOptions(
    int port, Duration clockOffset, String jdbcUrl, String jdbcUser, String jdbcPassword) {

  /** The embedded database used when no JDBC URL is given. */
  public static final String DEFAULT_JDBC_URL =
      "jdbc:h2:file:./data/wallet;LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

  /** Checks the options. */
  public WalletOptions {
    Objects.requireNonNull(clockOffset, "clockOffset");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, not " + port);
    }
  }

  /** {@return the options for the given database URL, on any free port, without clock offset} */
  public static WalletOptions forDatabase(String jdbcUrl, String user, String password) {
    return new WalletOptions(0, Duration.ZERO, jdbcUrl, user, password);
  }

  /** {@return the JDBC URL to use: the given one, or the embedded default} */
  public String effectiveJdbcUrl() {
    return jdbcUrl == null ? DEFAULT_JDBC_URL : jdbcUrl;
  }

  /**
   * Reads the options from the command line, falling back to {@code WALLET_JDBC_URL}, {@code
   * WALLET_JDBC_USER} and {@code WALLET_JDBC_PASSWORD} in the environment.
   *
   * @param args options such as {@code --port 8080 --clock-offset P91D --jdbc-url ...}
   * @param env the environment
   * @return the options
   * @throws IllegalArgumentException if an option is unknown, lacks its value or is malformed
   */
  public static WalletOptions parse(String[] args, Map<String, String> env) {
    int port = 8080;
    Duration offset = Duration.ZERO;
    String url = env.get("WALLET_JDBC_URL");
    String user = env.get("WALLET_JDBC_USER");
    String password = env.get("WALLET_JDBC_PASSWORD");
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--port" -> port = parsePort(value);
        case "--clock-offset" -> offset = parseOffset(value);
        case "--jdbc-url" -> url = value;
        case "--jdbc-user" -> user = value;
        case "--jdbc-password" -> password = value;
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    return new WalletOptions(port, offset, url, user, password);
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number, not " + value, e);
    }
  }

  private static Duration parseOffset(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--clock-offset needs an ISO-8601 duration such as P91D, not " + value, e);
    }
  }
}
