package dev.boulevard.wallet.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A NATS server with JetStream of the test's own, in a process under a temporary directory: it can
 * be killed with SIGKILL and started again on the same port and store, which keeps its streams,
 * durable consumers and duplicate window. Missing {@code nats-server}: the test is skipped, loudly,
 * unless {@code CI} is set, where it fails.
 */
final class NatsServer implements AutoCloseable {

  private static final Path BINARY = Path.of("/usr/sbin/nats-server");

  private final Path directory;
  private Process process;
  private int port;

  private NatsServer(Path directory) {
    this.directory = directory;
  }

  /** {@return a server started on a free port} */
  static NatsServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      String message = "nats-server is not installed at " + BINARY + ": the NATS tests cannot run";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI runs every suite, but " + message);
      }
      System.err.println("SKIPPED: " + message);
      assumeTrue(false, message);
    }
    var server = new NatsServer(Files.createTempDirectory("wallet-nats"));
    server.launch(-1);
    return server;
  }

  /** {@return the server's address, {@code nats://127.0.0.1:PORT}} */
  URI uri() {
    return URI.create("nats://127.0.0.1:" + port);
  }

  /** Kills the server with SIGKILL: what it had not written to its store is lost. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the server again on the same port and store. */
  void restart() throws IOException, InterruptedException {
    launch(port);
  }

  private void launch(int onPort) throws IOException, InterruptedException {
    Path ports = directory.resolve("ports");
    Files.createDirectories(ports);
    try (Stream<Path> old = Files.list(ports)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "-a",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(onPort),
                    "-js",
                    "-sd",
                    directory.resolve("store").toString(),
                    "--ports_file_dir",
                    ports.toString(),
                    "-l",
                    directory.resolve("nats.log").toString()))
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("nats.out").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      if (onPort < 0) {
        try (Stream<Path> files = Files.list(ports)) {
          var file = files.findFirst();
          if (file.isPresent()) {
            String text = Files.readString(file.get());
            var matcher = java.util.regex.Pattern.compile("nats://[^:]+:(\\d+)").matcher(text);
            if (matcher.find()) {
              onPort = Integer.parseInt(matcher.group(1));
            }
          }
        }
      }
      if (onPort > 0 && answers(onPort)) {
        port = onPort;
        return;
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "nats-server did not start: " + Files.readString(directory.resolve("nats.out")));
      }
      Thread.sleep(20);
    }
  }

  private static boolean answers(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server and deletes its store. */
  @Override
  public void close() throws IOException {
    kill();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
