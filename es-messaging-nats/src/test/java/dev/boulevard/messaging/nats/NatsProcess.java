package dev.boulevard.messaging.nats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A nats-server process of a test's own, with JetStream and its store under {@code target/}, which
 * the test can kill and start again on the same port and store. Published in the module's test-jar,
 * for the tests of applications that publish through NATS (the wallet's).
 */
public final class NatsProcess implements AutoCloseable {

  private static final Path BINARY = Path.of("/usr/sbin/nats-server");
  private static final Pattern PORT = Pattern.compile("nats://[^:\"]+:(\\d+)");

  private final Path dir;
  private Process process;
  private int port = -1;

  private NatsProcess(Path dir) {
    this.dir = dir;
  }

  /** {@return a started server; skips or fails the test if there is no nats-server binary} */
  public static NatsProcess start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      NatsTestServers.unavailable("No NATS server binary at " + BINARY);
    }
    Path dir = Path.of("target", NatsTestServers.unique("nats")).toAbsolutePath();
    Files.createDirectories(dir.resolve("ports"));
    var server = new NatsProcess(dir);
    server.launch();
    return server;
  }

  /** {@return the server's URL} */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Kills the server with SIGKILL, as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts the server again on the same port and store. */
  public void restart() throws IOException, InterruptedException {
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    List<String> command =
        List.of(
            BINARY.toString(),
            "-a",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-js",
            "-sd",
            dir.resolve("store").toString(),
            "--ports_file_dir",
            dir.resolve("ports").toString(),
            "-l",
            dir.resolve("nats.log").toString());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    Path ports = dir.resolve("ports").resolve("nats-server_" + process.pid() + ".ports");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "nats-server exited with " + process.exitValue() + "; see " + dir.resolve("nats.log"));
      }
      if (Files.exists(ports)) {
        Matcher matcher = PORT.matcher(Files.readString(ports));
        if (matcher.find() && accepts(Integer.parseInt(matcher.group(1)))) {
          port = Integer.parseInt(matcher.group(1));
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new IOException("nats-server did not start in 20 s; see " + dir.resolve("nats.log"));
  }

  private static boolean accepts(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server with SIGTERM. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
