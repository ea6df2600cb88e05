package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.wallet.app.WalletOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Wallet apps in processes of their own on one database, each under a node id of its own, that
 * share the projections and process managers through their leases; an instance may be killed and
 * started again under its node id, or frozen.
 */
final class Fleet implements AutoCloseable {

  private final WalletOptions options;
  private final Duration leaseTime;
  private final List<String> nodes;
  private final AtomicReferenceArray<ChildApp> apps;
  private final AtomicReferenceArray<WalletClient> clients;
  private final Set<Integer> spared = ConcurrentHashMap.newKeySet();
  private final AtomicInteger next = new AtomicInteger();

  private Fleet(WalletOptions options, Duration leaseTime, List<String> nodes) {
    this.options = options;
    this.leaseTime = leaseTime;
    this.nodes = List.copyOf(nodes);
    this.apps = new AtomicReferenceArray<>(nodes.size());
    this.clients = new AtomicReferenceArray<>(nodes.size());
  }

  /** {@return the instances named {@code nodes}, started at once on the database} */
  static Fleet start(WalletOptions options, Duration leaseTime, String... nodes) throws Exception {
    var fleet = new Fleet(options, leaseTime, List.of(nodes));
    ExecutorService starters = Executors.newFixedThreadPool(nodes.length);
    var starting = new ArrayList<Future<ChildApp>>();
    for (String node : nodes) {
      starting.add(starters.submit(() -> ChildApp.start(options.inFleet(node, leaseTime))));
    }
    starters.shutdown();
    try {
      for (int i = 0; i < nodes.length; i++) {
        fleet.set(i, starting.get(i).get(120, TimeUnit.SECONDS)); // rethrows a failed start
      }
      return fleet;
    } catch (Exception e) {
      starters.awaitTermination(120, TimeUnit.SECONDS);
      for (Future<ChildApp> app : starting) {
        if (app.isDone() && !app.isCancelled()) {
          try {
            app.get().close();
          } catch (Exception ignored) {
            // a start that failed has nothing to close
          }
        }
      }
      throw e;
    }
  }

  int size() {
    return nodes.size();
  }

  /** {@return the node id of instance {@code i}} */
  String node(int i) {
    return nodes.get(i);
  }

  ChildApp app(int i) {
    return apps.get(i);
  }

  WalletClient client(int i) {
    return clients.get(i);
  }

  /** {@return the client of the next instance, round-robin, leaving out those spared} */
  WalletClient nextClient() {
    for (int tries = 0; tries < 2 * size(); tries++) {
      int i = Math.floorMod(next.getAndIncrement(), size());
      if (!spared.contains(i)) {
        return clients.get(i);
      }
    }
    throw new IllegalStateException("every instance is spared");
  }

  /** Sends no more new requests to instance {@code i} through {@link #nextClient}. */
  void spare(int i) {
    spared.add(i);
  }

  /** Sends new requests to instance {@code i} again. */
  void unspare(int i) {
    spared.remove(i);
  }

  /** Kills instance {@code i} with SIGKILL. */
  void kill(int i) throws InterruptedException {
    apps.get(i).kill();
  }

  /** Starts instance {@code i} again under its node id, and waits until it serves. */
  void restart(int i) throws IOException, InterruptedException {
    ChildApp old = apps.get(i);
    set(i, ChildApp.start(options.inFleet(nodes.get(i), leaseTime)));
    old.close();
  }

  private void set(int i, ChildApp app) {
    apps.set(i, app);
    clients.set(i, new WalletClient(app.port()));
  }

  /** {@return what instance {@code i} answers at {@code /admin/projections}} */
  JsonNode status(int i) {
    WalletClient.Answer answer = client(i).get("/admin/projections");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  /** {@return every projection and process manager of a status, projections first} */
  static List<JsonNode> followers(JsonNode status) {
    var all = new ArrayList<JsonNode>();
    status.get("projections").forEach(all::add);
    status.get("processManagers").forEach(all::add);
    return all;
  }

  /** {@return the follower named so in a status} */
  static Optional<JsonNode> follower(JsonNode status, String name) {
    return followers(status).stream().filter(f -> f.get("name").asText().equals(name)).findFirst();
  }

  /** {@return the names of the followers whose lease the node holds, as a status shows it} */
  static List<String> ownedBy(JsonNode status, String node) {
    return followers(status).stream()
        .filter(f -> ownerIsNode(f, node) && !f.get("leaseExpired").asBoolean())
        .map(f -> f.get("name").asText())
        .toList();
  }

  /** {@return whether a follower's lease is held by a runner of the node: {@code node#n}} */
  static boolean ownerIsNode(JsonNode follower, String node) {
    return follower.path("owner").asText("").startsWith(node + "#");
  }

  /**
   * {@return whether a follower is held, unexpired, by a runner of a node other than those given}
   */
  static Predicate<JsonNode> heldByAnotherThan(String node) {
    return f ->
        !f.path("owner").isNull()
            && !f.path("owner").isMissingNode()
            && !f.get("leaseExpired").asBoolean()
            && !ownerIsNode(f, node);
  }

  /**
   * Waits until every projection and process manager has an unexpired owner among the instances,
   * each instance seeing the same owners, and fails if they do not within two minutes.
   */
  void awaitShared() {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      var seen = new ArrayList<String>();
      boolean held = true;
      for (int i = 0; i < size(); i++) {
        var owners = new ArrayList<String>();
        for (JsonNode f : followers(status(i))) {
          held &= !f.path("owner").isNull() && !f.get("leaseExpired").asBoolean();
          owners.add(f.get("name").asText() + "=" + f.path("owner").asText());
        }
        seen.add(String.join(",", owners));
      }
      if (held && seen.stream().distinct().count() == 1) {
        return;
      }
      assertThat(System.nanoTime() - deadline)
          .as("the leases were not all held, alike on every instance, within 2 minutes: %s", seen)
          .isNegative();
      ThrowawayServer.pause(50);
    }
  }

  /**
   * Waits until the leases are held alike on every instance ({@link #awaitShared}) and none of them
   * has changed hands or epoch for two lease times: the deal among the live instances has settled,
   * so what an instance holds now it holds until the membership changes. Fails after two minutes.
   */
  void awaitSettled(Duration leaseTime) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    String last = null;
    long since = 0;
    while (true) {
      awaitShared();
      var owners = new ArrayList<String>();
      for (JsonNode f : followers(status(0))) {
        owners.add(
            f.get("name").asText()
                + "="
                + f.path("owner").asText()
                + "@"
                + f.get("epoch").asLong());
      }
      String now = String.join(",", owners);
      if (!now.equals(last)) {
        last = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= 2 * leaseTime.toNanos()) {
        return;
      }
      assertThat(System.nanoTime() - deadline)
          .as("the leases kept changing hands for 2 minutes: %s", now)
          .isNegative();
      ThrowawayServer.pause(100);
    }
  }

  /**
   * Waits until instance {@code i}'s read models and process managers have taken in a position:
   * until its {@code ?after=} answers without a stale header; fails after two minutes.
   */
  void awaitPosition(int i, long position) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      WalletClient.Answer answer = client(i).get("/audit?limit=1&after=" + position);
      if (answer.status() == 200
          && answer.headers().firstValue(QueryRoutes.STALE_HEADER).isEmpty()) {
        return;
      }
      assertThat(System.nanoTime() - deadline)
          .as("instance %s did not reach position %d in 2 minutes: %s", node(i), position, answer)
          .isNegative();
    }
  }

  /** Kills every instance. */
  @Override
  public void close() throws IOException {
    for (int i = 0; i < size(); i++) {
      ChildApp app = apps.get(i);
      if (app != null) {
        app.close();
      }
    }
  }
}
