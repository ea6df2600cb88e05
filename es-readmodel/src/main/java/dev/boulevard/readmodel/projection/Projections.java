package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LogFollower;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tracking projections: each reads the store's global log from its own checkpoint, on a thread
 * of its own, and stores its checkpoint with its read models' writes.
 *
 * <pre>{@code
 * try (Projections projections =
 *     Projections.builder(store, JdbcReadModelStorage.create(dataSource))
 *         .add(credits)
 *         .build()) {
 *   projections.start();
 *   ReadModelRepository<Credits> view = projections.readModel("credits", Credits.class);
 *   projections.awaitPosition(position, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>On a transactional storage (JDBC), a batch's read-model writes and its checkpoint commit
 *       together, so each event takes effect exactly once, across crashes. On in-memory storage the
 *       checkpoint is stored after the writes, never before.
 *   <li>Each projection catches up by itself on start and after any failure. A failure of the log
 *       or of storage is retried without end; an event its projector fails on is retried by the
 *       {@link RetryPolicy}, then the projection parks at it until {@link #resume} or {@link
 *       #skip}, while the other projections keep running. A restart tries a parked event again.
 *   <li>A {@link #rebuild} fills new read models from the start of the log while the old ones keep
 *       serving {@link #readModel} queries, then replaces them once it has caught up.
 *   <li>Several runners of the same projections on the same storage, one per instance of an
 *       application, share them: each projection runs on one runner at a time, which holds its
 *       lease in the projection store and renews it; a runner that stops renewing (killed, frozen,
 *       cut off) loses its leases after {@link ProjectionsBuilder#leaseTime}, and the others take
 *       its projections over from their stored checkpoints. A batch commits only while its runner
 *       holds the lease in the epoch it took it (fencing), so a runner that lost a lease writes
 *       nothing more; and a checkpoint moves only from the value its runner last read, so no batch
 *       is applied twice.
 *   <li>Queries, {@link #awaitPosition} and {@link #status} work on every runner: for a projection
 *       that another runner runs, they read its stored checkpoint, park and live generation.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Projections implements LogFollower, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Projections.class);

  private final WorkerSettings settings;
  private final ProgressWaits waits;
  private final ProjectionSlots slots;
  private final LeaseKeeper leases;
  private boolean started;

  Projections(ProjectionsBuilder builder) {
    this.settings = WorkerSettings.of(builder);
    this.waits = new ProgressWaits(builder.log);
    this.slots =
        new ProjectionSlots(builder.projections, settings, waits::signal, builder.rebuildListener);
    this.leases =
        new LeaseKeeper(slots, settings, builder.node, builder.stateTable, builder.leaseTime);
  }

  /**
   * Starts the definition of a runner.
   *
   * @param log the global log the projections read
   * @param storage where their read models and checkpoints are stored
   * @return the builder
   */
  public static ProjectionsBuilder builder(GlobalEventLog log, ReadModelStorage storage) {
    return new ProjectionsBuilder(log, storage);
  }

  /**
   * Joins the runners of the same projections on the same storage, takes the leases of the
   * projections dealt to this runner, and starts them, with any rebuild that was running when their
   * last runner stopped; the others it runs once their leases are dealt to it. A runner alone runs
   * them all from the start.
   *
   * @throws IllegalStateException if the runner was started before
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("The projections were started before");
    }
    started = true;
    if (!settings.storage().isDurable()) {
      LOG.warn(
          "Projections {} run on {}, which is not durable: their read models, checkpoints, parks"
              + " and decisions are lost at restart, and they start again from the beginning of"
              + " the log",
          slots.names(),
          settings.storage().getClass().getSimpleName());
    }
    leases.start();
  }

  /** {@return the name under which this runner takes leases: its node, {@code #}, its order} */
  public String runnerName() {
    return leases.owner();
  }

  /**
   * Rebuilds a projection: new read models are filled from the start of the log by a new projector
   * while the old ones keep serving, and replace them once they have caught up (once a read finds
   * less than a batch left, or they are level with the old ones). Progress is reported to the
   * builder's {@link ProjectionsBuilder#onRebuildProgress listener} and in {@link #status}.
   *
   * @param projection the projection's name
   * @throws IllegalArgumentException if there is no such projection
   * @throws IllegalStateException if the runner is not running, a rebuild of it is running, or it
   *     is split into segments, which cannot be rebuilt yet
   */
  public void rebuild(String projection) {
    for (TrackingProjection split : slots.projections()) {
      if (split.name().equals(projection) && split.segments() > 1) {
        slots.named(split.unitName(0)).rebuild(); // which refuses, saying why
      }
    }
    slots.named(projection).rebuild();
  }

  /**
   * Stops a running rebuild and drops the read models it was filling; the live ones are untouched.
   *
   * @param projection the projection's name
   * @throws IllegalStateException if no rebuild of it is running, or it is switching over already
   * @throws InterruptedException if the calling thread is interrupted while the rebuild stops
   */
  public void cancelRebuild(String projection) throws InterruptedException {
    slots.named(projection).cancelRebuild();
  }

  /**
   * Returns a read model for queries: it reads whichever generation is live, so it keeps answering
   * through rebuilds.
   *
   * @param model the read model's declared name
   * @param type the class of its documents, as declared
   * @param <T> the documents' type
   * @return the repository; writing to it is for tests and repairs, projections own their models
   * @throws IllegalArgumentException if no projection declares that read model with that class
   */
  public <T extends ReadModel> ReadModelRepository<T> readModel(String model, Class<T> type) {
    ProjectionSlot slot = slots.owning(model, type);
    return new LiveReadModel<>(
        () ->
            settings
                .storage()
                .repository(ProjectionModels.storedName(model, slot.liveGeneration()), type));
  }

  /**
   * Waits until every projection has taken in the event at a global position, so that a caller can
   * read its own writes.
   *
   * @param position the event's global position, as its append reported it; 0, what an append of
   *     nothing reports, is taken in at once
   * @param timeout how long to wait at most
   * @return whether every projection took it in; false after the timeout, or at once if a
   *     projection is parked before it, which is logged at WARN ({@link #awaitOutcome} says which)
   * @throws InterruptedException if the waiting thread is interrupted
   */
  @Override
  public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
    return ProgressWaits.logged(awaitOutcome(position, timeout), "position " + position).reached();
  }

  /**
   * Waits until every projection has taken in the event at a global position, and says why not if
   * they did not.
   *
   * @param position the event's global position, as its append reported it; 0, what an append of
   *     nothing reports, is reached at once
   * @param timeout how long to wait at most
   * @return reached; timed out; or, at once, {@link AwaitOutcome.Stuck} with the projection parked
   *     before the event, the position and stored type it is parked at, and the last error there
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws IllegalArgumentException if the position is negative
   */
  @Override
  public AwaitOutcome awaitOutcome(long position, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (position < 0) {
      throw new IllegalArgumentException("A global position is 0 or more, got " + position);
    }
    return waits.positionOutcome(slots.all(), position, timeout);
  }

  /**
   * Waits until every projection's checkpoint is at or after a checkpoint of the log.
   *
   * @param checkpoint the checkpoint
   * @param timeout how long to wait at most
   * @return whether every projection reached it; false after the timeout, or at once if a
   *     projection is parked before it, which is logged at WARN
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitCheckpoint(Checkpoint checkpoint, Duration timeout)
      throws InterruptedException {
    return ProgressWaits.logged(awaitCheckpointOutcome(checkpoint, timeout), checkpoint.toString())
        .reached();
  }

  /**
   * Waits until every projection's checkpoint is at or after a checkpoint of the log, and says why
   * not if one is not.
   *
   * @param checkpoint the checkpoint
   * @param timeout how long to wait at most
   * @return reached; timed out; or, at once, {@link AwaitOutcome.Stuck} with the projection parked
   *     before it and where
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public AwaitOutcome awaitCheckpointOutcome(Checkpoint checkpoint, Duration timeout)
      throws InterruptedException {
    return waits.checkpointOutcome(slots.all(), checkpoint, timeout);
  }

  /**
   * Retries a parked projection's event, for instance after a fix; the decision is recorded. If
   * only its rebuild is parked, the decision is about the rebuild.
   *
   * @param projection the projection's name
   * @param reason why, recorded with the decision
   * @throws IllegalStateException if the projection is not parked, or a decision is pending
   */
  public void resume(String projection, String reason) {
    slots.named(projection).decide(ProjectionDecision.Kind.RESUME, Objects.requireNonNull(reason));
  }

  /**
   * Moves a parked projection past the event it is parked at, without handling it; the decision is
   * recorded. If only its rebuild is parked, the decision is about the rebuild.
   *
   * @param projection the projection's name
   * @param reason why, recorded with the decision
   * @throws IllegalStateException if the projection is not parked, or a decision is pending
   */
  public void skip(String projection, String reason) {
    slots.named(projection).decide(ProjectionDecision.Kind.SKIP, Objects.requireNonNull(reason));
  }

  /** {@return the decisions about a parked projection, oldest first} */
  public List<ProjectionDecision> decisions(String projection) {
    return settings.store().decisions(slots.named(projection).name());
  }

  /** {@return the status of every projection, in the order they were added} */
  public List<ProjectionStatus> status() {
    Checkpoint head = settings.log().head();
    List<ProjectionStore.LeaseState> leases = leases();
    return slots.all().stream().map(slot -> slot.status(head, leases)).toList();
  }

  /** {@return the status of one projection, or of one segment of a split one} */
  public ProjectionStatus status(String projection) {
    ProjectionSlot slot = slots.named(projection);
    return slot.status(settings.log().head(), leases());
  }

  private List<ProjectionStore.LeaseState> leases() {
    synchronized (this) {
      if (!started) {
        return List.of();
      }
    }
    return settings.store().leases();
  }

  /**
   * Stops every projection after its current batch, then releases their leases, so that another
   * runner takes them over at once; the checkpoints stay where they are.
   */
  @Override
  public void close() {
    leases.close();
  }
}
