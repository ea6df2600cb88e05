package dev.boulevard.wallet.http;

import dev.boulevard.wallet.app.WalletOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own: {@code mariadb-install-db} in a temporary directory, and
 * {@code mariadbd} as a child process on loopback, which a crash kills with SIGKILL.
 */
final class ThrowawayMariaDb extends ThrowawayServer {

  private final String server = program("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
  private Process process;
  private boolean created;

  ThrowawayMariaDb() {
    super("mariadb");
    run(
        List.of(
            program("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"),
            "--no-defaults",
            "--datadir=" + directory.resolve("data"),
            "--user=" + System.getProperty("user.name"),
            "--auth-root-authentication-method=normal",
            "--skip-test-db"));
  }

  @Override
  WalletOptions options() {
    return WalletOptions.forDatabase(url("wallet"), "root", "");
  }

  @Override
  synchronized void start() {
    try {
      process =
          new ProcessBuilder(
                  server,
                  "--no-defaults",
                  "--datadir=" + directory.resolve("data"),
                  "--port=" + port,
                  "--bind-address=127.0.0.1",
                  "--socket=" + directory.resolve("mariadb.sock"),
                  "--pid-file=" + directory.resolve("mariadb.pid"),
                  "--log-error=" + directory.resolve("server.log"),
                  "--user=" + System.getProperty("user.name"),
                  "--innodb-buffer-pool-size=64M",
                  "--max-connections=200")
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("mariadbd.out").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(url(""), "root");
    if (!created) {
      try (var connection = DriverManager.getConnection(url(""), "root", "");
          var statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE wallet");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not create the wallet database", e);
      }
      created = true;
    }
  }

  @Override
  synchronized void stop(boolean crash) {
    if (process == null) {
      return;
    }
    if (crash) {
      process.destroyForcibly(); // SIGKILL: InnoDB recovers from its redo log at the next start
    } else {
      process.destroy(); // SIGTERM: a clean shutdown
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    process = null;
  }

  private String url(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }
}
