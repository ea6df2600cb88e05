package dev.boulevard.wallet.http;

import dev.boulevard.wallet.app.WalletOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own: {@code initdb} in a temporary directory (as the {@code
 * postgres} user when the tests run as root), served on loopback by {@code pg_ctl}.
 */
final class ThrowawayPostgres extends ThrowawayServer {

  private final Path bin;
  private boolean running;

  ThrowawayPostgres() {
    super("postgres");
    bin = Path.of(program(newestInitdb())).getParent();
    try {
      if ("root".equals(System.getProperty("user.name"))) {
        var lookup = directory.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(directory, lookup.lookupPrincipalByName("postgres"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        as(
            "postgres",
            List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync")));
  }

  @Override
  WalletOptions options() {
    return WalletOptions.forDatabase(url(), "postgres", "");
  }

  @Override
  synchronized void start() {
    String settings = "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1";
    run(
        as(
            "postgres",
            pgCtl("-l", directory.resolve("server.log").toString(), "-o", settings, "start")));
    running = true;
    awaitReady(url(), "postgres");
  }

  @Override
  synchronized void stop(boolean crash) {
    if (running) {
      // "immediate" ends every process without a checkpoint: the next start recovers from the WAL.
      run(as("postgres", pgCtl("-m", crash ? "immediate" : "fast", "stop")));
      running = false;
    }
  }

  private List<String> pgCtl(String... arguments) {
    var command = new java.util.ArrayList<String>();
    command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-w", "-t", "60"));
    command.addAll(List.of(arguments));
    return command;
  }

  private String data() {
    return directory.resolve("data").toString();
  }

  private String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** {@return the initdb of the newest PostgreSQL under /usr/lib/postgresql, or a guess} */
  private static String newestInitdb() {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        return versions
            .map(version -> version.resolve("bin/initdb"))
            .filter(Files::isExecutable)
            .max(Comparator.comparingInt(p -> Integer.parseInt(p.getName(3).toString())))
            .map(Path::toString)
            .orElse("/usr/bin/initdb");
      } catch (IOException | NumberFormatException e) {
        return "/usr/bin/initdb";
      }
    }
    return "/usr/bin/initdb";
  }
}
