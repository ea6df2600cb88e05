package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** The databases the benchmarks run on, with the same defaults as the tests. */
public enum BenchDatabase {
  /** PostgreSQL on loopback. */
  POSTGRESQL(
      Dialect.POSTGRESQL,
      "BOULEVARD_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test",
      "postgres"),
  /** MariaDB on loopback. */
  MARIADB(Dialect.MARIADB, "BOULEVARD_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test", "root"),
  H2(
      Dialect.H2,
      "BOULEVARD_H2_URL",
      "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
      "sa");

  final Dialect dialect;
  private final String urlVariable;
  private final String defaultUrl;
  private final String user;

  BenchDatabase(Dialect dialect, String urlVariable, String defaultUrl, String user) {
    this.dialect = dialect;
    this.urlVariable = urlVariable;
    this.defaultUrl = defaultUrl;
    this.user = user;
  }

  HikariDataSource pool(int size) {
    var config = new HikariConfig();
    config.setJdbcUrl(System.getenv().getOrDefault(urlVariable, defaultUrl));
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(size);
    config.setPoolName("bench-" + name().toLowerCase(Locale.ROOT));
    return new HikariDataSource(config);
  }

  static void drop(HikariDataSource pool, String table) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      for (String suffix : new String[] {"", "_append_lock", "_schema_version"}) {
        statement.execute("DROP TABLE IF EXISTS " + table + suffix);
      }
      if (pool.getJdbcUrl().startsWith("jdbc:postgresql")) {
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_refuse_change()");
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_notify()");
      }
    }
  }
}
