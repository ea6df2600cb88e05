package dev.boulevard.wallet.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * How the app is started: its port, its clock offset, its database, and its name and lease time in
 * a fleet of instances that share the database.
 *
 * @param port the HTTP port, 0 for any free one
 * @param clockOffset how far the app's clock runs ahead of the system's
 * @param jdbcUrl the database's JDBC URL, or null for the embedded H2 file under {@code ./data/}
 * @param jdbcUser the database user, or null
 * @param jdbcPassword the database password, or null
 * @param nodeId the instance's name in the fleet, under which it takes the leases of projections
 *     and process managers, or null for the JVM's {@code pid@host}
 * @param leaseTime how soon the other instances take over the projections and process managers of
 *     an instance that died or froze
 * @param publish the broker the wallet's events are published to, {@code nats://HOST:PORT} or
 *     {@code kafka://HOST:PORT}, or null for none
 */
public record WalletOptions(
    int port,
    Duration clockOffset,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String nodeId,
    Duration leaseTime,
    URI publish) {

  /** The embedded database used when no JDBC URL is given. */
  public static final String DEFAULT_JDBC_URL =
      "jdbc:h2:file:./data/wallet;LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

  /** How long a lease lasts unless the instance says otherwise: the library's default. */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(10);

  /** The shortest lease time the library accepts. */
  public static final Duration MIN_LEASE_TIME = Duration.ofSeconds(1);

  /** The longest lease time the library accepts. */
  public static final Duration MAX_LEASE_TIME = Duration.ofMinutes(10);

  /** The longest node id the library accepts. */
  public static final int MAX_NODE_ID_LENGTH = 100;

  /** Checks the options. */
  public WalletOptions {
    Objects.requireNonNull(clockOffset, "clockOffset");
    Objects.requireNonNull(leaseTime, "leaseTime");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, not " + port);
    }
    if (nodeId != null
        && (nodeId.isEmpty()
            || nodeId.length() > MAX_NODE_ID_LENGTH
            || nodeId.chars().anyMatch(Character::isISOControl))) {
      throw new IllegalArgumentException(
          "--node-id must be 1 to "
              + MAX_NODE_ID_LENGTH
              + " characters, none of them control characters, not \""
              + nodeId.replaceAll("\\p{Cntrl}", "?")
              + "\"");
    }
    if (publish != null) {
      checkBroker("--publish", publish);
    }
    if (leaseTime.compareTo(MIN_LEASE_TIME) < 0 || leaseTime.compareTo(MAX_LEASE_TIME) > 0) {
      throw new IllegalArgumentException(
          "--lease-time must be 1 second to 10 minutes (PT1S to PT10M), not " + leaseTime);
    }
  }

  /** {@return the options for the given database URL, on any free port, without clock offset} */
  public static WalletOptions forDatabase(String jdbcUrl, String user, String password) {
    return new WalletOptions(
        0, Duration.ZERO, jdbcUrl, user, password, null, DEFAULT_LEASE_TIME, null);
  }

  /**
   * {@return these options for an instance of a fleet, with its own name and lease time}
   *
   * @param node the instance's name, as {@code --node-id} gives it
   * @param lease the lease time, as {@code --lease-time} gives it
   */
  public WalletOptions inFleet(String node, Duration lease) {
    return new WalletOptions(
        port, clockOffset, jdbcUrl, jdbcUser, jdbcPassword, node, lease, publish);
  }

  /**
   * {@return these options with the wallet's events published to a broker}
   *
   * @param broker the broker, as {@code --publish} gives it
   */
  public WalletOptions publishingTo(URI broker) {
    return new WalletOptions(
        port, clockOffset, jdbcUrl, jdbcUser, jdbcPassword, nodeId, leaseTime, broker);
  }

  /**
   * Checks a broker's address: {@code nats://HOST:PORT} or {@code kafka://HOST:PORT}, nothing more.
   *
   * @param option the option that gave it, for the message
   * @param broker the address
   * @return the address
   * @throws IllegalArgumentException if it is not one of those
   */
  public static URI checkBroker(String option, URI broker) {
    boolean known = "nats".equals(broker.getScheme()) || "kafka".equals(broker.getScheme());
    if (!known
        || broker.getHost() == null
        || broker.getPort() < 1
        || (broker.getPath() != null && !broker.getPath().isEmpty())
        || broker.getQuery() != null
        || broker.getUserInfo() != null) {
      throw new IllegalArgumentException(
          option
              + " needs nats://HOST:PORT or kafka://HOST:PORT, such as nats://127.0.0.1:4222, not "
              + broker);
    }
    return broker;
  }

  /**
   * Reads a broker's address.
   *
   * @param option the option that gave it, for the message
   * @param value the address as given
   * @return the address
   * @throws IllegalArgumentException if it is not {@code nats://HOST:PORT} or {@code
   *     kafka://HOST:PORT}
   */
  public static URI parseBroker(String option, String value) {
    try {
      return checkBroker(option, new URI(value));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          option + " needs nats://HOST:PORT or kafka://HOST:PORT, not " + value, e);
    }
  }

  /** {@return the JDBC URL to use: the given one, or the embedded default} */
  public String effectiveJdbcUrl() {
    return jdbcUrl == null ? DEFAULT_JDBC_URL : jdbcUrl;
  }

  /**
   * Reads the options from the command line, falling back to {@code WALLET_JDBC_URL}, {@code
   * WALLET_JDBC_USER} and {@code WALLET_JDBC_PASSWORD} in the environment.
   *
   * @param args options such as {@code --port 8080 --clock-offset P91D --jdbc-url ... --node-id a
   *     --lease-time PT2S --publish nats://127.0.0.1:4222}
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
    String node = null;
    Duration lease = DEFAULT_LEASE_TIME;
    URI publish = null;
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
        case "--node-id" -> node = value;
        case "--lease-time" -> lease = parseLeaseTime(value);
        case "--publish" -> publish = parseBroker("--publish", value);
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    return new WalletOptions(port, offset, url, user, password, node, lease, publish);
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

  private static Duration parseLeaseTime(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--lease-time needs an ISO-8601 duration such as PT10S, not " + value, e);
    }
  }
}
