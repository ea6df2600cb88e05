package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ProjectionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares a runner's projections with the other runners of its fleet through leases in the
 * projection store, on a thread of its own.
 *
 * <p>Runners of the same projections form a group. Every turn, a runner says it is alive, lists the
 * live members of its group, and deals the projections, sorted by name, to the members, sorted by
 * owner name, in turn: it takes the leases dealt to it when they are free or lapsed, renews the
 * ones it holds, and lets go of the ones dealt to another member, which takes them on its next
 * turn. A member that stops renewing, killed or frozen, drops out of the group and its leases lapse
 * after the lease time; the others deal again without it and take its projections over from their
 * stored checkpoints. Each take of a lease starts a new epoch, and a batch commits only while its
 * runner holds the lease in its epoch ({@link ProjectionWorker#fence}), so a runner that lost its
 * lease writes nothing more.
 *
 * <p>Thread-safe: its own thread takes and lets go of leases; {@link #start} and {@link #close} run
 * on the caller's thread, before and after that thread runs.
 */
final class LeaseKeeper implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
  private static final Map<String, AtomicInteger> RUNNERS = new ConcurrentHashMap<>();

  private final ProjectionSlots slots;
  private final ProjectionStore store;
  private final WorkerSettings settings;
  private final Duration leaseTime;
  private final Duration turn;
  private final String group;
  private final String owner;
  private final Object wake = new Object();
  private volatile boolean closing;
  private Thread thread;

  LeaseKeeper(
      ProjectionSlots slots,
      WorkerSettings settings,
      String node,
      String stateTable,
      Duration leaseTime) {
    this.slots = slots;
    this.settings = settings;
    this.store = settings.store();
    this.leaseTime = leaseTime;
    Duration quarter = leaseTime.dividedBy(4);
    this.turn = quarter.compareTo(Duration.ofSeconds(1)) < 0 ? quarter : Duration.ofSeconds(1);
    this.group = groupOf(slots.names());
    // Two runners of one group in one JVM under one node id are told apart by their order; a
    // restarted process with a fixed node id takes its leases back at once under the same name.
    int order =
        RUNNERS
            .computeIfAbsent(node + "|" + stateTable + "|" + group, k -> new AtomicInteger())
            .incrementAndGet();
    this.owner = node + "#" + order;
  }

  /** {@return the name under which this runner takes leases} */
  String owner() {
    return owner;
  }

  /** {@return a short, stable name for the runners of a set of projections} */
  static String groupOf(Iterable<String> projections) {
    List<String> sorted = new ArrayList<>();
    projections.forEach(sorted::add);
    sorted.sort(Comparator.naturalOrder());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join(",", sorted).getBytes(StandardCharsets.UTF_8));
      return "g" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** Joins the group, takes the leases dealt to this runner, and starts renewing them. */
  synchronized void start() {
    checkSegments();
    slots.all().forEach(ProjectionSlot::prepare);
    store.heartbeat(group, owner, leaseTime);
    turn();
    thread = settings.threads().newThread(this);
    thread.start();
  }

  /**
   * Refuses to start a projection whose stored state was kept in another number of segments: the
   * segments' checkpoints cannot carry over, and its read models hold what they wrote.
   */
  private void checkSegments() {
    List<String> stored =
        store.leases().stream().map(ProjectionStore.LeaseState::projection).toList();
    for (TrackingProjection projection : slots.projections()) {
      String name = projection.name();
      List<String> mine = new ArrayList<>();
      for (int segment = 0; segment < projection.segments(); segment++) {
        mine.add(projection.unitName(segment));
      }
      List<String> other =
          stored.stream()
              .filter(unit -> unit.equals(name) || unit.startsWith(name + "."))
              .filter(unit -> !mine.contains(unit))
              .toList();
      if (other.isEmpty() && projection.segments() > 1 && !store.load(name).isEmpty()) {
        other = List.of(name);
      }
      if (!other.isEmpty()) {
        throw new IllegalStateException(
            "Projection "
                + name
                + " was run as "
                + other
                + " and is now split into "
                + projection.segments()
                + " segment(s), as "
                + mine
                + ": the stored checkpoints do not carry over to another split. Keep the number"
                + " of segments, or drop the projection's read models and stored state first");
      }
    }
  }

  @Override
  public String toString() {
    return "boulevard-leases-" + owner;
  }

  @Override
  public void run() {
    while (!closing) {
      try {
        synchronized (wake) {
          if (!closing) {
            TimeUnit.NANOSECONDS.timedWait(wake, turn.toNanos());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (closing) {
        return;
      }
      try {
        turn();
      } catch (RuntimeException e) {
        // The store is out of reach: the leases lapse if this lasts, and the batches, which check
        // them, fail; the next turn renews or gives them up.
        LOG.warn("Runner {} could not renew its leases, retrying: {}", owner, Failures.describe(e));
      }
    }
  }

  /** One turn: renews, lets go of and takes leases, as dealt to the members alive now. */
  private void turn() {
    List<String> members = new ArrayList<>(store.members(group));
    if (!members.contains(owner)) {
      members.add(owner); // its own heartbeat lapsed, say after a pause: it is here now
      members.sort(Comparator.naturalOrder());
    }
    List<ProjectionSlot> dealt = new ArrayList<>(slots.all());
    dealt.sort(Comparator.comparing(ProjectionSlot::name));
    for (int i = 0; i < dealt.size(); i++) {
      ProjectionSlot slot = dealt.get(i);
      boolean mine = members.get(i % members.size()).equals(owner);
      try {
        keep(slot, mine);
      } catch (RuntimeException e) {
        // one lease's failure does not hold up the others' renewals; the next turn tries again
        LOG.warn(
            "Projection {}: runner {} could not keep its lease, retrying: {}",
            slot.name(),
            owner,
            Failures.describe(e));
      }
    }
    // last, so that a member's row outlives its leases and a lapsed member's leases are free
    store.heartbeat(group, owner, leaseTime);
  }

  /** Renews, lets go of or takes one slot's lease, as dealt. */
  private void keep(ProjectionSlot slot, boolean mine) {
    ProjectionStore.Lease held = slot.lease();
    if (held != null && (slot.lost() || !mine)) {
      slot.relinquish();
      store.release(held); // a batch still running fails its lease check and rolls back
      LOG.info(
          "Projection {}: runner {} let its lease go ({})",
          slot.name(),
          owner,
          mine ? "a worker found it lost" : "dealt to another runner");
    } else if (held != null) {
      if (store.renew(held, leaseTime)) {
        slot.adoptRebuild();
      } else {
        slot.relinquish();
        LOG.warn(
            "Projection {}: runner {} lost its lease (epoch {}) to another runner",
            slot.name(),
            owner,
            held.epoch());
      }
    } else if (mine) {
      Optional<ProjectionStore.Lease> taken = store.claim(slot.name(), owner, leaseTime);
      if (taken.isPresent() && !slot.acquire(taken.get())) {
        store.release(taken.get()); // closed meanwhile
      }
    }
  }

  /** Stops renewing, stops the workers after their batch, releases the leases, leaves the group. */
  void close() {
    Thread running;
    synchronized (this) {
      closing = true;
      running = thread;
    }
    if (running == null) {
      slots.closeAll(); // never started: it holds nothing and never joined
      return;
    }
    // not interrupted: an interrupt in the middle of a JDBC call can break the connection (H2)
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      running.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ProjectionStore.Lease> held = slots.closeAll();
    try {
      held.forEach(store::release);
      store.leave(group, owner);
    } catch (RuntimeException e) {
      LOG.warn(
          "Runner {} could not release its leases; they lapse in {}: {}",
          owner,
          leaseTime,
          Failures.describe(e));
    }
  }
}
