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
