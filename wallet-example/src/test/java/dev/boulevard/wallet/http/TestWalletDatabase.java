package dev.boulevard.wallet.http;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.wallet.app.WalletOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A fresh, empty database for one test class: an H2 file in a temporary directory, a PostgreSQL
 * schema or a MariaDB database.
 */
abstract class TestWalletDatabase implements AutoCloseable {

  /** {@return the options that start the app on this database} */
  abstract WalletOptions options();

  @Override
  public abstract void close() throws IOException;

  /**
   * {@return the database server's sessions that are in a transaction or wait for a lock, for a
   * failure's message} Empty for H2.
   */
  String transactions() {
    return "";
  }

  /** {@return a fresh H2 file database} */
  static TestWalletDatabase h2() {
    return new H2();
  }

  /** {@return a fresh schema on the test PostgreSQL; skips the test if it is unreachable} */
  static TestWalletDatabase postgres() {
    return new Postgres(TestDatabase.POSTGRESQL.dataSource());
  }

  /** {@return a fresh database on the test MariaDB; skips the test if it is unreachable} */
  static TestWalletDatabase mariadb() {
    return new MariaDb(TestDatabase.MARIADB.dataSource());
  }

  private static final class H2 extends TestWalletDatabase {
    private final Path directory;

    H2() {
      try {
        directory = Files.createTempDirectory("wallet-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    WalletOptions options() {
      return WalletOptions.forDatabase(
          "jdbc:h2:file:" + directory.resolve("wallet") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0",
          "sa",
          "");
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static final class Postgres extends TestWalletDatabase {
    private final DataSource admin;
    private final String schema = "wallet_test_" + UUID.randomUUID().toString().replace("-", "");

    Postgres(DataSource admin) {
      this.admin = admin;
      execute(admin, "CREATE SCHEMA " + schema);
    }

    @Override
    WalletOptions options() {
      TestDatabase db = TestDatabase.POSTGRESQL;
      String url = db.url();
      return WalletOptions.forDatabase(
          url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
          db.user(),
          db.password());
    }

    @Override
    public void close() {
      execute(admin, "DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    String transactions() {
      return rows(
          admin,
          "SELECT pid, state, wait_event_type, wait_event, now() - xact_start AS in_transaction,"
              + " pg_blocking_pids(pid) AS blocked_by, left(query, 160) AS last_query"
              + " FROM pg_stat_activity WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid()");
    }
  }

  private static final class MariaDb extends TestWalletDatabase {
    private final DataSource admin;
    private final String database = "wallet_test_" + UUID.randomUUID().toString().substring(0, 8);

    MariaDb(DataSource admin) {
      this.admin = admin;
      execute(admin, "CREATE DATABASE " + database);
    }

    @Override
    WalletOptions options() {
      TestDatabase db = TestDatabase.MARIADB;
      return WalletOptions.forDatabase(
          db.url().replaceFirst("/test(\\?|$)", "/" + database + "$1"), db.user(), db.password());
    }

    @Override
    public void close() {
      execute(admin, "DROP DATABASE " + database);
    }

    @Override
    String transactions() {
      return rows(
          admin,
          "SELECT t.trx_mysql_thread_id, t.trx_state, t.trx_started, t.trx_rows_locked,"
              + " left(t.trx_query, 160), w.blocking_trx_id FROM information_schema.INNODB_TRX t"
              + " LEFT JOIN information_schema.INNODB_LOCK_WAITS w"
              + " ON w.requesting_trx_id = t.trx_id");
    }
  }

  /** {@return the rows a query answers, one line each, or why it could not} */
  static String rows(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      var text = new StringBuilder();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        text.append('\n');
        for (int c = 1; c <= columns; c++) {
          text.append(c > 1 ? " | " : "").append(rows.getString(c));
        }
      }
      return text.toString();
    } catch (SQLException e) {
      return "(" + sql + " failed: " + e + ")";
    }
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
