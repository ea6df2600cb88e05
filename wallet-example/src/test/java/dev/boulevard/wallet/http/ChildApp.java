package dev.boulevard.wallet.http;

import dev.boulevard.wallet.app.Main;
import dev.boulevard.wallet.app.WalletOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wallet app, or its loyalty service, in a process of its own, started with {@code java ...
 * Main} on the test's class path and ended with {@code kill -9}: nothing in it gets a chance to
 * clean up.
 */
final class ChildApp implements AutoCloseable {

  private static final Pattern SERVING =
      Pattern.compile("(?:Wallet|Loyalty) serving on http://[^:]+:(\\d+)");

  private final Process process;
  private final Path errors;
  private final List<String> output = new ArrayList<>();
  private final int port;

  private ChildApp(List<String> args) throws IOException, InterruptedException {
    errors = Files.createTempFile("wallet-child", ".err");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(args);
    process =
        new ProcessBuilder(command).redirectError(errors.toFile()).redirectInput(devNull()).start();
    var announced = new CompletableFuture<Integer>();
    Thread reader = new Thread(() -> read(announced), "child-app-output");
    reader.setDaemon(true);
    reader.start();
    try {
      port = announced.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("The wallet app did not start: " + log(), e);
    }
  }

  /** {@return the app, started on the given database and serving} */
  static ChildApp start(WalletOptions options) throws IOException, InterruptedException {
    var args = new ArrayList<String>(List.of("--port", "0"));
    args.addAll(List.of("--jdbc-url", options.jdbcUrl(), "--jdbc-user", options.jdbcUser()));
    args.addAll(List.of("--jdbc-password", options.jdbcPassword()));
    if (options.nodeId() != null) {
      args.addAll(List.of("--node-id", options.nodeId()));
    }
    args.addAll(List.of("--lease-time", options.leaseTime().toString()));
    if (options.publish() != null) {
      args.addAll(List.of("--publish", options.publish().toString()));
    }
    return new ChildApp(args);
  }

  /**
   * {@return the loyalty service, reading the wallet's events from the broker into the given
   * database (its own), and serving}
   */
  static ChildApp startLoyalty(URI broker, String jdbcUrl)
      throws IOException, InterruptedException {
    return new ChildApp(
        List.of(
            "loyalty",
            "--from",
            broker.toString(),
            "--port",
            "0",
            "--jdbc-url",
            jdbcUrl,
            "--jdbc-user",
            "sa",
            "--jdbc-password",
            ""));
  }

  /** {@return the port it serves on} */
  int port() {
    return port;
  }

  /** {@return the process's id} */
  long pid() {
    return process.pid();
  }

  /** Freezes the process with SIGSTOP: it holds its connections and answers nothing. */
  void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** Lets a frozen process go on with SIGCONT. */
  void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill " + signal + " " + pid() + " failed");
    }
  }

  /** {@return everything the process wrote to its standard error: its log} */
  String errors() throws IOException {
    return Files.readString(errors, StandardCharsets.UTF_8);
  }

  /** Kills the process with SIGKILL and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The wallet app did not die within 30 s of SIGKILL");
    }
  }

  /** {@return what the process printed, for failure messages} */
  String log() {
    try {
      String err = Files.readString(errors, StandardCharsets.UTF_8);
      synchronized (output) {
        return "stdout: " + output + "\nstderr (last 4,000 characters): " + tail(err);
      }
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while killing the wallet app", e);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private void read(CompletableFuture<Integer> announced) {
    try (var lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (output) {
          output.add(line);
        }
        Matcher serving = SERVING.matcher(line);
        if (serving.find()) {
          announced.complete(Integer.parseInt(serving.group(1)));
        }
      }
      announced.completeExceptionally(new IllegalStateException("exited before serving"));
    } catch (IOException e) {
      announced.completeExceptionally(e);
    }
  }

  private static ProcessBuilder.Redirect devNull() {
    return ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile());
  }

  private static String tail(String text) {
    return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
  }
}
