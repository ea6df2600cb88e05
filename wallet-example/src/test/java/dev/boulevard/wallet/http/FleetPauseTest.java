package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Freezes, with SIGSTOP, a wallet process that runs projections, for three lease times while the
 * other two take commands, then lets it go on with SIGCONT: the others must take its projections
 * over and move their checkpoints meanwhile, and the resumed process must write nothing more under
 * the leases it lost. A frozen runner that wrote its stale batch on waking (a broken fence) would
 * apply events twice or move a checkpoint back: every instance's read models must equal the events
 * exactly, wallet by wallet, and invoice numbers stay gap-free. Freezes: {@code
 * -Dboulevard.reliability.rounds} (3 by default), each of another instance that holds leases.
 */
@Tag("reliability")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FleetPauseTest {

  private static final int CLIENTS = 8;
  private static final int WALLETS = 6;
  private static final Duration LEASE_TIME = Duration.ofSeconds(2);
  private static final long PAUSE_MILLIS = 3 * LEASE_TIME.toMillis();

  @Test
  void on_postgresql_a_frozen_instance_writes_nothing_after_it_lost_its_leases() throws Exception {
    survivesFreezes(TestWalletDatabase.postgres(), "POSTGRESQL");
  }

  @Test
  void on_mariadb_a_frozen_instance_writes_nothing_after_it_lost_its_leases() throws Exception {
    survivesFreezes(TestWalletDatabase.mariadb(), "MARIADB");
  }

  private void survivesFreezes(TestWalletDatabase database, String name) throws Exception {
    long start = System.nanoTime();
    try (database;
        Fleet fleet = Fleet.start(database.options(), LEASE_TIME, "a", "b", "c")) {
      fleet.awaitShared();
      String prefix = "pause-" + Long.toString(System.nanoTime(), 36) + "-";
      var load = new CommandLoad(prefix, WALLETS, true);
      var findings = new ArrayList<String>();
      int rolledBack = 0;
      for (int round = 0; round < ReliabilityReport.ROUNDS; round++) {
        // what the frozen one holds is read before the freeze: no handover may be under way then
        fleet.awaitSettled(LEASE_TIME);
        Freeze freeze = freezeOne(fleet, load, round, database);
        findings.add(freeze.toString());
        rolledBack += freeze.rolledBack();
      }
      int survivor = 0;
      long marker = awaitVerified(fleet, load, prefix, survivor);
      JsonNode after = fleet.status(survivor);
      System.out.printf(
          "FLEET: %s SIGSTOP of %dx%d ms (lease PT2S): batches rolled back by the fence %d; %s%n",
          name, ReliabilityReport.ROUNDS, PAUSE_MILLIS, rolledBack, findings);
      new ReliabilityReport("FleetPauseTest", name)
          .with("seconds", (System.nanoTime() - start) / 1e9)
          .with("freezes", ReliabilityReport.ROUNDS)
          .with("batchesRolledBack", rolledBack)
          .with("commandsSent", load.commands.get())
          .with("acknowledged", load.acks.size())
          .with("marker", marker)
          .with("leasesAtTheEnd", after.toString())
          .publish();
    }
  }

  /**
   * What one freeze showed: the frozen node, the projections it held and their epochs before, the
   * epochs and owners the others showed while it was frozen, how many of its batches its log says
   * were rolled back after it woke up (before it took a lease again), and its log's lines on
   * leases.
   */
  private record Freeze(
      String node,
      Map<String, Long> epochsBefore,
      Map<String, String> ownersDuring,
      Map<String, Long> epochsAfter,
      int rolledBack,
      List<String> leaseLog) {}

  private static Freeze freezeOne(
      Fleet fleet, CommandLoad load, int round, TestWalletDatabase database) throws Exception {
    int victim = victim(fleet, round);
    String node = fleet.node(victim);
    JsonNode before = fleet.status(victim);
    Map<String, Long> epochsBefore = new HashMap<>();
    Map<String, Long> positionsBefore = new HashMap<>();
    for (String held : Fleet.ownedBy(before, node)) {
      JsonNode f = Fleet.follower(before, held).orElseThrow();
      epochsBefore.put(held, f.get("epoch").asLong());
      positionsBefore.put(held, f.get("position").asLong());
    }
    int witness = (victim + 1) % fleet.size();
    fleet.spare(victim); // no request waits on it while it is frozen
    load.startOnFleet(fleet::nextClient, CLIENTS);
    Thread.sleep(1_000); // its workers are busy with the others' events when it freezes
    String logBefore = fleet.app(victim).errors();
    fleet.app(victim).pause();
    Thread.sleep(PAUSE_MILLIS);
    JsonNode during = fleet.status(witness);
    String transactions = database.transactions();
    Map<String, String> ownersDuring = new HashMap<>();
    for (String held : epochsBefore.keySet()) {
      JsonNode f = Fleet.follower(during, held).orElseThrow();
      ownersDuring.put(held, f.path("owner").asText() + "@" + f.get("epoch").asLong());
      assertThat(Fleet.heldByAnotherThan(node).test(f))
          .as(
              "%s taken over from frozen %s: %s; open transactions (pid %d frozen): %s",
              held, node, during, fleet.app(victim).pid(), transactions)
          .isTrue();
      assertThat(f.get("epoch").asLong())
          .as(held + "'s epoch")
          .isGreaterThan(epochsBefore.get(held));
      assertThat(f.get("position").asLong())
          .as("%s's checkpoint moved on while %s was frozen", held, node)
          .isGreaterThan(positionsBefore.get(held));
    }
    fleet.app(victim).resume();
    Thread.sleep(2 * LEASE_TIME.toMillis()); // it wakes up with batches of stale events under way
    load.stop();
    load.resendPending(fleet.client(witness));
    assertThat(load.unexpected).as("answers other than 200, 404, 409, 422 and 503").isEmpty();
    fleet.unspare(victim);
    fleet.awaitShared();
    JsonNode afterwards = fleet.status(witness);
    Map<String, Long> epochsAfter = new HashMap<>();
    for (String held : epochsBefore.keySet()) {
      JsonNode f = Fleet.follower(afterwards, held).orElseThrow();
      epochsAfter.put(held, f.get("epoch").asLong());
      // back with the frozen node only under a new take, after the others' epoch
      long others = Long.parseLong(ownersDuring.get(held).replaceAll(".*@", ""));
      if (Fleet.ownerIsNode(f, node)) {
        assertThat(f.get("epoch").asLong()).as(held + " taken back").isGreaterThan(others);
      }
    }
    String log = fleet.app(victim).errors().substring(logBefore.length());
    for (String held : epochsBefore.keySet()) {
      assertThat(log)
          .as("%s's log after SIGCONT: it lost or let go of %s's lease", node, held)
          .containsPattern(
              "Projection "
                  + Pattern.quote(held)
                  + ": runner "
                  + Pattern.quote(node)
                  + "#1 (lost its lease|let its lease go)");
    }
    List<String> leaseLog =
        log.lines().filter(line -> line.contains("lease")).map(FleetPauseTest::shorter).toList();
    int retaken = log.indexOf("took its lease");
    String stale = retaken < 0 ? log : log.substring(0, retaken); // before it took any lease again
    int rolledBack = count(stale, "rolled back") + count(stale, "let its lease go mid-batch");
    return new Freeze(node, epochsBefore, ownersDuring, epochsAfter, rolledBack, leaseLog);
  }

  /** {@return a log line without its time stamp and thread} */
  private static String shorter(String line) {
    int at = line.indexOf("Projection ");
    return at < 0 ? line : line.substring(at);
  }

  /** {@return an instance that holds the lease of a projection, another in each round if it can} */
  private static int victim(Fleet fleet, int round) {
    JsonNode status = fleet.status(0);
    var holders = new ArrayList<Integer>();
    for (int i = 0; i < fleet.size(); i++) {
      List<String> held = Fleet.ownedBy(status, fleet.node(i));
      if (held.stream().anyMatch(p -> isProjection(status, p))) {
        holders.add(i);
      }
    }
    assertThat(holders).as("instances holding projections: %s", status).isNotEmpty();
    return holders.get(round % holders.size());
  }

  private static boolean isProjection(JsonNode status, String name) {
    for (JsonNode projection : status.get("projections")) {
      if (projection.get("name").asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks every command applied once and, on every instance, the read models against the events;
   * {@return the marker's position}
   */
  private static long awaitVerified(Fleet fleet, CommandLoad load, String prefix, int first) {
    var outcome =
        LoadVerification.verify(
            fleet.client(first), prefix, WALLETS, load, p -> fleet.awaitPosition(first, p));
    for (int i = 0; i < fleet.size(); i++) {
      fleet.awaitPosition(i, outcome.marker());
      LoadVerification.verifyReadModels(fleet.client(i), prefix, WALLETS, load, outcome.marker());
    }
    return outcome.marker();
  }

  private static int count(String text, String word) {
    Matcher matcher = Pattern.compile(Pattern.quote(word)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
