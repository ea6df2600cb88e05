package dev.boulevard.eventstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on, each reached through a pool shared by all tests.
 *
 * <p>Published in this module's test-jar, for the other modules' tests on the same databases.
 *
 * <p>URLs come from environment variables with the development machine's defaults. H2 runs embedded
 * everywhere. When PostgreSQL or MariaDB cannot be reached, a test on it is skipped with a loud
 * message, unless {@code CI} is set: then it fails, because CI must run every suite.
 */
public enum TestDatabase {
  H2(
      "BOULEVARD_H2_URL",
      "jdbc:h2:mem:boulevard;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
      "",
      "sa",
      ""),
  POSTGRESQL(
      "BOULEVARD_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test",
      "BOULEVARD_POSTGRES_USER",
      "postgres",
      ""),
  MARIADB(
      "BOULEVARD_MARIADB_URL",
      "jdbc:mariadb://127.0.0.1:3306/test",
      "BOULEVARD_MARIADB_USER",
      "root",
      "");

  private static final Map<TestDatabase, HikariDataSource> POOLS = new ConcurrentHashMap<>();

  private final String urlVariable;
  private final String defaultUrl;
  private final String userVariable;
  private final String defaultUser;
  private final String password;

  TestDatabase(
      String urlVariable,
      String defaultUrl,
      String userVariable,
      String defaultUser,
      String password) {
    this.urlVariable = urlVariable;
    this.defaultUrl = defaultUrl;
    this.userVariable = userVariable;
    this.defaultUser = defaultUser;
    this.password = password;
  }

  /** {@return the shared pool, after checking that the database answers} */
  public DataSource dataSource() {
    HikariDataSource pool = POOLS.computeIfAbsent(this, TestDatabase::open);
    try (Connection connection = pool.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      unreachable(e);
    }
    return pool;
  }

  /**
   * Opens a connection of its own, outside the shared pool, for a test that kills the pool's.
   *
   * @return the connection, which the caller closes
   * @throws SQLException if the database cannot be reached
   */
  public Connection newConnection() throws SQLException {
    return java.sql.DriverManager.getConnection(
        System.getenv().getOrDefault(urlVariable, defaultUrl), user(), password);
  }

  /** {@return the JDBC URL the tests reach this database at} */
  public String url() {
    return System.getenv().getOrDefault(urlVariable, defaultUrl);
  }

  /** {@return the password of {@link #user()}} */
  public String password() {
    return password;
  }

  /** {@return the user the tests connect as} */
  public String user() {
    return userVariable.isEmpty()
        ? defaultUser
        : System.getenv().getOrDefault(userVariable, defaultUser);
  }

  private HikariDataSource open() {
    var config = new HikariConfig();
    config.setJdbcUrl(System.getenv().getOrDefault(urlVariable, defaultUrl));
    config.setUsername(user());
    config.setPassword(password);
    config.setMaximumPoolSize(16);
    config.setPoolName("boulevard-test-" + name().toLowerCase(java.util.Locale.ROOT));
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }

  private void unreachable(SQLException e) {
    String message =
        "SKIPPING: "
            + this
            + " is not reachable at "
            + System.getenv().getOrDefault(urlVariable, defaultUrl)
            + " ("
            + e.getMessage()
            + "); set "
            + urlVariable
            + " to run its suites";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException("CI runs every suite, but " + message, e);
    }
    System.err.println(message);
    Assumptions.abort(message);
  }
}
