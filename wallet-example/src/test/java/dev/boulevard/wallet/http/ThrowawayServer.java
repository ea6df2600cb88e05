package dev.boulevard.wallet.http;

import dev.boulevard.wallet.app.WalletOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server of the test's own, in a temporary directory on a free port, that the test may
 * shut down, crash and start again without disturbing the shared servers other tests use: a
 * PostgreSQL cluster made with {@code initdb} and run with {@code pg_ctl}, or a MariaDB made with
 * {@code mariadb-install-db} and run as a {@code mariadbd} child process.
 *
 * <p>Where the server's programs are missing, a test using it is skipped, unless {@code CI} is set:
 * then it fails, because CI must run every suite.
 */
abstract class ThrowawayServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  final Path directory;
  final int port;

  ThrowawayServer(String name) {
    try {
      directory = Files.createTempDirectory("boulevard-" + name);
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return a new PostgreSQL server, started} */
  static ThrowawayServer postgres() {
    return new ThrowawayPostgres().started();
  }

  /** {@return a new MariaDB server, started} */
  static ThrowawayServer mariadb() {
    return new ThrowawayMariaDb().started();
  }

  /** {@return the options that start the wallet app on this server} */
  abstract WalletOptions options();

  /** Starts the server and returns once it accepts connections. */
  abstract void start();

  /** Stops the server: {@code crash} kills it at once, otherwise it shuts down cleanly. */
  abstract void stop(boolean crash);

  /** Kills the server, if it runs, and deletes its files. */
  @Override
  public void close() throws IOException {
    stop(true);
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  ThrowawayServer started() {
    start();
    return this;
  }

  /** Waits until a JDBC connection to the server succeeds. */
  void awaitReady(String url, String user) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (var connection = DriverManager.getConnection(url, user, "")) {
        if (connection.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
        pause(100);
      }
    }
    throw new IllegalStateException(
        "The server in " + directory + " did not accept connections within " + READY_TIMEOUT, last);
  }

  /** Runs a program to its end and fails, with its output, if it does not succeed. */
  void run(List<String> command) {
    Path log = directory.resolve("command.log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timed out: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            command + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@return the program's path, or skips (fails in CI) the test if none of the paths exists} */
  static String program(String... candidates) {
    for (String candidate : candidates) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    String missing = "None of " + List.of(candidates) + " is installed";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(missing + "; CI must run every suite");
    }
    Assumptions.abort(missing + ": skipping a test that needs a server of its own");
    return null;
  }

  /** {@return the command, run as {@code user} when this JVM runs as root} */
  static List<String> as(String user, List<String> command) {
    var result = new ArrayList<String>();
    if ("root".equals(System.getProperty("user.name"))) {
      result.addAll(List.of(program("/usr/sbin/runuser", "/sbin/runuser"), "-u", user, "--"));
    }
    result.addAll(command);
    return result;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
