package dev.boulevard.messaging.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node Kafka broker in KRaft mode for the tests, on free loopback ports with its data
 * under {@code target/kafka}: either in the test JVM ({@link #shared}, one for all test classes) or
 * as a child JVM ({@link #childProcess}) that a test can kill and start again on the same ports and
 * directory. When a broker cannot start, the test is skipped with a message, or fails when the
 * environment variable {@code CI} is set. Published in the module's test-jar, for the tests of
 * applications that publish through Kafka (the wallet's).
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static KafkaBroker shared;

  private final Path dir;
  private final int brokerPort;
  private final int controllerPort;
  private final Path config;
  private KafkaRaftServer server;
  private Process process;

  private KafkaBroker(Path dir) throws IOException {
    this.dir = dir;
    this.brokerPort = freePort();
    this.controllerPort = freePort();
    this.config = dir.resolve("server.properties");
    Files.createDirectories(dir);
    try (OutputStream out = Files.newOutputStream(config)) {
      properties().store(out, "Boulevard test broker");
    }
    format();
  }

  /** {@return the broker that the test classes share, started in this JVM on first use} */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      try {
        // Kafka halts the JVM on a fatal fault; in tests that would kill the surefire fork.
        Exit.setHaltProcedure(KafkaBroker::refuseExit);
        Exit.setExitProcedure(KafkaBroker::refuseExit);
        KafkaBroker broker = new KafkaBroker(newDir("shared"));
        broker.server = new KafkaRaftServer(new KafkaConfig(broker.properties()), Time.SYSTEM);
        broker.server.startup();
        broker.awaitReady();
        shared = broker;
      } catch (Exception | LinkageError e) {
        unavailable(e);
      }
    }
    return shared;
  }

  /** {@return a broker in a child JVM of its own, started} */
  public static KafkaBroker childProcess() {
    try {
      KafkaBroker broker = new KafkaBroker(newDir("child"));
      broker.start();
      return broker;
    } catch (Exception e) {
      unavailable(e);
      throw new AssertionError(e); // not reached
    }
  }

  /** {@return the bootstrap servers to connect to} */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** Starts the child JVM's broker, again on the same ports and directory, and waits for it. */
  public void start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    process =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp",
                classpath,
                "kafka.Kafka",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
            .start();
    awaitReady();
  }

  /** Kills the child JVM's broker at once (SIGKILL), as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Creates a topic.
   *
   * @param name the topic
   * @param partitions how many partitions
   */
  public void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      // A produce that reaches a partition before its leader is in place fails with a retriable
      // error, which lets the next request overtake it (KAFKA-14359): wait for every leader.
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!led(admin, name)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Topic " + name + " got no leader for every partition");
        }
        Thread.sleep(20);
      }
    }
  }

  private static boolean led(Admin admin, String topic) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .stream()
        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
  }

  /** {@return an admin client of this broker} */
  Admin admin() {
    return Admin.create(
        Map.of(
            "bootstrap.servers",
            bootstrapServers(),
            "request.timeout.ms",
            "5000",
            "default.api.timeout.ms",
            "10000"));
  }

  /** Stops the broker: the child JVM with SIGTERM, the in-JVM one only if it is not shared. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    if (server != null && this != shared) {
      server.shutdown();
      server.awaitShutdown();
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            "The Kafka broker's JVM ended with " + process.exitValue() + "; see " + log());
      }
      if (!listening()) {
        Thread.sleep(50);
        continue;
      }
      try (Admin admin = admin()) {
        if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "The Kafka broker at " + bootstrapServers() + " did not answer; see " + log(), last);
  }

  /** {@return whether the broker's port takes connections, cheaper to ask than an admin client} */
  private boolean listening() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path log() {
    return dir.resolve("broker.log").toAbsolutePath();
  }

  private void format() {
    var output = new java.io.ByteArrayOutputStream();
    int status;
    try (var print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status =
          kafka.tools.StorageTool.execute(
              new String[] {
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toString(),
                "--standalone"
              },
              print);
    }
    if (status != 0) {
      throw new IllegalStateException(
          "Formatting the Kafka storage failed ("
              + status
              + "): "
              + output.toString(StandardCharsets.UTF_8));
    }
  }

  private Properties properties() {
    var props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", "1");
    props.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    props.setProperty(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("log.dirs", dir.resolve("data").toAbsolutePath().toString());
    props.setProperty("num.partitions", "3");
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("offsets.topic.num.partitions", "3");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    props.setProperty("log.cleaner.dedupe.buffer.size", "4194304");
    // A killed broker's registration lives on until its session times out (9 s by default), and
    // the restarted one cannot register before that.
    props.setProperty("broker.session.timeout.ms", "2000");
    props.setProperty("broker.heartbeat.interval.ms", "500");
    return props;
  }

  private static Path newDir(String kind) {
    return Path.of("target", "kafka", kind + "-" + UUID.randomUUID()).toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void refuseExit(int status, String message) {
    throw new IllegalStateException("Kafka asked to end the JVM (" + status + "): " + message);
  }

  private static void unavailable(Throwable e) {
    String message = "No Kafka broker could be started for the test: " + e;
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(message, e);
    }
    System.err.println("SKIPPED: " + message);
    e.printStackTrace();
    Assumptions.abort(message);
  }
}
