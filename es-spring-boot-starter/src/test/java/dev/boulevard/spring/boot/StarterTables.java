package dev.boulevard.spring.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The test database's tables of this module's tests, and waiting for what happens in the
 * background.
 */
final class StarterTables {

  static final String URL =
      System.getenv()
          .getOrDefault("BOULEVARD_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getenv().getOrDefault("BOULEVARD_POSTGRES_USER", "postgres");

  private StarterTables() {}

  /**
   * Drops every table whose name starts with {@code bootstarter}, left by an earlier run; skips the
   * test class, loudly, when PostgreSQL is not reachable, except under CI, which runs every suite.
   */
  static void dropAll() throws SQLException {
    Connection connection;
    try {
      connection = DriverManager.getConnection(URL, USER, "");
    } catch (SQLException e) {
      String message =
          "SKIPPING: PostgreSQL is not reachable at "
              + URL
              + " ("
              + e.getMessage()
              + "); set BOULEVARD_POSTGRES_URL to run the starter's tests";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI runs every suite, but " + message, e);
      }
      System.err.println(message);
      Assumptions.abort(message);
      return;
    }
    try (connection;
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                  + " AND tablename LIKE 'bootstarter%'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
      }
    }
  }

  /** Retries an assertion until it holds or the time is up, then throws its last failure. */
  static void eventually(Duration within, Runnable assertion) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
