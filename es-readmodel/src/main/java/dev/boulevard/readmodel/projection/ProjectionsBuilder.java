package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.ModelChecks;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/** Collects the projections and settings of a {@link Projections} runner; not thread-safe. */
public final class ProjectionsBuilder {

  final GlobalEventLog log;
  final ReadModelStorage storage;
  final List<TrackingProjection> projections = new ArrayList<>();
  RetryPolicy retry = RetryPolicy.defaults();
  int batchSize = 500;
  Clock clock = Clock.systemUTC();
  String stateTable = "boulevard_projections";
  Consumer<RebuildProgress> rebuildListener = progress -> {};
  ThreadFactory threads = new DaemonThreads();
  String node = defaultNode();
  Duration leaseTime = Duration.ofSeconds(10);
  final List<ProjectionObserver> observers = new ArrayList<>();

  ProjectionsBuilder(GlobalEventLog log, ReadModelStorage storage) {
    this.log = Objects.requireNonNull(log, "log");
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /**
   * Adds a projection.
   *
   * @param projection the projection
   * @return this builder
   * @throws IllegalArgumentException if a projection of that name, or one that declares one of its
   *     read models, was added before
   */
  public ProjectionsBuilder add(TrackingProjection projection) {
    Objects.requireNonNull(projection, "projection");
    var models = new HashSet<String>();
    for (TrackingProjection added : projections) {
      if (added.name().equals(projection.name())) {
        throw new IllegalArgumentException("Projection " + projection.name() + " is added twice");
      }
      models.addAll(added.readModels().keySet());
    }
    for (String model : projection.readModels().keySet()) {
      if (models.contains(model)) {
        throw new IllegalArgumentException(
            "Read model " + model + " is declared by two projections; each has one owner");
      }
    }
    projections.add(projection);
    return this;
  }

  /**
   * Sets how an event its projector fails on is retried before the projection parks.
   *
   * @param retry the policy; {@link RetryPolicy#defaults()} unless set
   * @return this builder
   */
  public ProjectionsBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * Sets how many events are read, handled and committed at a time.
   *
   * @param batchSize 1 or more; 500 unless set
   * @return this builder
   */
  public ProjectionsBuilder batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("A batch holds 1 event or more, not " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * Sets the clock that stamps parks and decisions.
   *
   * @param clock the clock; the system's UTC clock unless set
   * @return this builder
   */
  public ProjectionsBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the table that keeps checkpoints on a JDBC storage; decisions go to {@code
   * <table>_decisions}.
   *
   * @param table 1 to 40 letters, digits or underscores; {@code boulevard_projections} unless set
   * @return this builder
   */
  public ProjectionsBuilder stateTable(String table) {
    this.stateTable = ModelChecks.requireStoreName(table);
    return this;
  }

  /**
   * Sets who hears of a rebuild's progress: about once a second while it runs, and once when done.
   *
   * @param listener the listener, called on the rebuild's thread
   * @return this builder
   */
  public ProjectionsBuilder onRebuildProgress(Consumer<RebuildProgress> listener) {
    this.rebuildListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Sets where the projections' threads come from: one per projection it runs, one per running
   * rebuild, and one that keeps the leases.
   *
   * @param threadFactory the factory; unless set, daemon threads named {@code
   *     boulevard-projection-<name>-<generation>} and {@code boulevard-leases-<runner>}
   * @return this builder
   */
  public ProjectionsBuilder threadFactory(ThreadFactory threadFactory) {
    this.threads = Objects.requireNonNull(threadFactory, "threadFactory");
    return this;
  }

  /**
   * Names the instance the runner runs in, under which it takes leases (with {@code #1}, {@code
   * #2}... for the runners of the same projections in one process). A fixed name lets a restarted
   * instance take its leases back at once; under a new name it waits until they lapse.
   *
   * @param node 1 to 100 characters, none of them control characters; unless set, the JVM's {@code
   *     pid@host}
   * @return this builder
   */
  public ProjectionsBuilder node(String node) {
    Objects.requireNonNull(node, "node");
    if (node.isEmpty() || node.length() > 100 || node.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "A node's name is 1 to 100 characters, none of them control characters, not \""
              + node
              + "\"");
    }
    this.node = node;
    return this;
  }

  /**
   * Sets how long a projection's lease lasts unless its runner renews it: how soon another runner
   * takes over from a runner that died or froze. The runner renews it every quarter of it, at most
   * every second.
   *
   * @param leaseTime 1 second to 10 minutes; 10 seconds unless set
   * @return this builder
   */
  public ProjectionsBuilder leaseTime(Duration leaseTime) {
    Objects.requireNonNull(leaseTime, "leaseTime");
    if (leaseTime.compareTo(Duration.ofSeconds(1)) < 0
        || leaseTime.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("A lease lasts 1 second to 10 minutes, not " + leaseTime);
    }
    this.leaseTime = leaseTime;
    return this;
  }

  /**
   * Adds an observer that hears of every batch, retry and park, such as es-micrometer's metrics or
   * es-opentelemetry's spans; observers added earlier hear first.
   *
   * @param observer the observer, called on the workers' threads
   * @return this builder
   */
  public ProjectionsBuilder observe(ProjectionObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  private static String defaultNode() {
    return ManagementFactory.getRuntimeMXBean().getName(); // pid@host
  }

  /**
   * Builds the runner; it creates its checkpoint tables on a JDBC storage, and starts nothing yet.
   *
   * @return the runner
   */
  public Projections build() {
    return new Projections(this);
  }
}
