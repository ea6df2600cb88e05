package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
 *   <li>Two runners on the same storage never apply a batch twice: a checkpoint moves only from the
 *       value its runner last read.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Projections implements AutoCloseable {

  private final ProjectionWorker.Settings settings;
  private final Map<String, ProjectionSlot> slots = new LinkedHashMap<>();
  private final Map<String, ProjectionSlot> modelOwners = new LinkedHashMap<>();
  private final Consumer<RebuildProgress> rebuildListener;
  private final Object progress = new Object();
  private boolean started;
  private boolean closed;

  Projections(ProjectionsBuilder builder) {
    ProjectionStore store =
        builder.storage instanceof JdbcReadModelStorage jdbc
            ? new JdbcProjectionStore(jdbc, builder.stateTable)
            : InMemoryProjectionStore.of(builder.storage);
    this.settings =
        new ProjectionWorker.Settings(
            builder.log, builder.storage, store, builder.retry, builder.batchSize, builder.clock);
    this.rebuildListener = builder.rebuildListener;
    for (TrackingProjection projection : builder.projections) {
      var slot = new ProjectionSlot(projection);
      slots.put(projection.name(), slot);
      projection.readModels().keySet().forEach(model -> modelOwners.put(model, slot));
    }
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
   * Starts every projection, and any rebuild that was running when the runner last stopped.
   *
   * @throws IllegalStateException if the runner was started before
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("The projections were started before");
    }
    started = true;
    for (ProjectionSlot slot : slots.values()) {
      List<ProjectionStore.Generation> stored = settings.store().load(slot.name());
      if (stored.isEmpty()) {
        settings.store().create(slot.name(), 1, true);
        stored = settings.store().load(slot.name());
      }
      for (ProjectionStore.Generation generation : stored) {
        if (generation.live()) {
          slot.live = startWorker(slot, generation, null);
        }
      }
      for (ProjectionStore.Generation generation : stored) {
        if (!generation.live()) {
          startRebuild(slot, generation);
        }
      }
    }
  }

  private ProjectionWorker startWorker(
      ProjectionSlot slot, ProjectionStore.Generation generation, RunningRebuild rebuild) {
    var models = new ProjectionModels(slot.projection, settings.storage(), generation.generation());
    Runnable onProgress =
        rebuild == null
            ? this::signalProgress
            : () -> {
              signalProgress();
              rebuild.report();
            };
    var worker =
        new ProjectionWorker(
            slot.name(), generation, slot.projection.newProjector(models), settings, onProgress);
    if (rebuild != null) {
      rebuild.worker(worker);
    }
    String threadName = "boulevard-projection-" + slot.name() + "-" + generation.generation();
    worker.start(threadName, rebuild == null ? null : reached -> promote(slot, rebuild));
    return worker;
  }

  /**
   * Rebuilds a projection: new read models are filled from the start of the log by a new projector
   * while the old ones keep serving, and replace them once they have caught up. Progress is
   * reported to the builder's {@link ProjectionsBuilder#onRebuildProgress listener} and in {@link
   * #status}.
   *
   * @param projection the projection's name
   * @throws IllegalArgumentException if there is no such projection
   * @throws IllegalStateException if the runner is not running, or a rebuild of it is running
   */
  public synchronized void rebuild(String projection) {
    ProjectionSlot slot = slot(projection);
    if (!started || closed) {
      throw new IllegalStateException("Start the projections before rebuilding one");
    }
    if (slot.rebuild != null) {
      throw new IllegalStateException("Projection " + projection + " is already being rebuilt");
    }
    int generation = slot.live.generation + 1;
    settings.store().create(projection, generation, false);
    startRebuild(
        slot, new ProjectionStore.Generation(generation, false, Checkpoint.beginning(), null));
  }

  private void startRebuild(ProjectionSlot slot, ProjectionStore.Generation generation) {
    var rebuild = new RunningRebuild(slot.name(), settings.log(), rebuildListener);
    slot.rebuild = rebuild;
    startWorker(slot, generation, rebuild);
  }

  /** Called on the rebuilding worker's thread each time it finds the log caught up. */
  private void promote(ProjectionSlot slot, RunningRebuild rebuild) {
    ProjectionWorker retired;
    synchronized (this) {
      if (closed || slot.rebuild != rebuild) {
        return;
      }
      retired = slot.live;
      try {
        retired.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      ProjectionWorker promoted = rebuild.worker();
      settings.store().promote(slot.name(), promoted.generation, retired.generation);
      promoted.noLongerCaughtUpHook();
      slot.live = promoted;
      rebuild.finished();
      slot.rebuild = null;
    }
    for (String model : slot.projection.readModels().keySet()) {
      settings.storage().drop(ProjectionModels.storedName(model, retired.generation));
    }
    signalProgress();
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
    ProjectionSlot slot = modelOwners.get(model);
    if (slot == null || slot.projection.readModels().get(model) != type) {
      throw new IllegalArgumentException(
          "No projection declares read model " + model + " of " + type.getName());
    }
    return new LiveReadModel<>(
        () -> {
          ProjectionWorker live = slot.live;
          if (live == null) {
            throw new IllegalStateException("Start the projections before reading their models");
          }
          return settings
              .storage()
              .repository(ProjectionModels.storedName(model, live.generation), type);
        });
  }

  /**
   * Waits until every projection has taken in the event at a global position, so that a caller can
   * read its own writes.
   *
   * @param position the event's global position, as its append reported it
   * @param timeout how long to wait at most
   * @return whether every projection took it in; false after the timeout, or at once if a
   *     projection is parked before it
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<Checkpoint> target = settings.log().checkpointAt(position);
    while (target.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      settings.log().awaitEventsAfter(settings.log().head(), Duration.ofNanos(left));
      target = settings.log().checkpointAt(position);
    }
    return awaitCheckpoint(
        target.get(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /**
   * Waits until every projection's checkpoint is at or after a checkpoint of the log.
   *
   * @param checkpoint the checkpoint
   * @param timeout how long to wait at most
   * @return whether every projection reached it; false after the timeout, or at once if a
   *     projection is parked before it
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitCheckpoint(Checkpoint checkpoint, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (true) {
        boolean all = true;
        for (ProjectionSlot slot : slots.values()) {
          ProjectionWorker live = slot.live;
          if (live == null || checkpoint.isAfter(live.checkpoint())) {
            if (live != null && live.stuckBefore(checkpoint)) {
              return false;
            }
            all = false;
          }
        }
        long left = deadline - System.nanoTime();
        if (all || left <= 0) {
          return all;
        }
        // Workers signal each move; the bound only caps the cost of a signal that was missed.
        progress.wait(Math.max(1, Math.min(left / 1_000_000, 250)));
      }
    }
  }

  private void signalProgress() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /**
   * Retries a parked projection's event, for instance after a fix; the decision is recorded. If
   * only its rebuild is parked, the decision is about the rebuild.
   *
   * @param projection the projection's name
   * @param reason why, recorded with the decision
   * @throws IllegalStateException if the projection is not parked
   */
  public void resume(String projection, String reason) {
    decide(projection, ProjectionDecision.Kind.RESUME, reason);
  }

  /**
   * Moves a parked projection past the event it is parked at, without handling it; the decision is
   * recorded. If only its rebuild is parked, the decision is about the rebuild.
   *
   * @param projection the projection's name
   * @param reason why, recorded with the decision
   * @throws IllegalStateException if the projection is not parked
   */
  public void skip(String projection, String reason) {
    decide(projection, ProjectionDecision.Kind.SKIP, reason);
  }

  private void decide(String projection, ProjectionDecision.Kind kind, String reason) {
    Objects.requireNonNull(reason, "reason");
    ProjectionSlot slot = slot(projection);
    RunningRebuild rebuild = slot.rebuild;
    ProjectionWorker worker = slot.live;
    if ((worker == null || worker.parked().isEmpty()) && rebuild != null) {
      worker = rebuild.worker(); // the live read models are fine, their rebuild is parked
    }
    ParkedEvent parked = worker == null ? null : worker.parked().orElse(null);
    if (parked == null) {
      throw new IllegalStateException("Projection " + projection + " is not parked");
    }
    worker.decide(
        new ProjectionDecision(projection, kind, parked, reason, settings.clock().instant()));
  }

  /** {@return the decisions about a parked projection, oldest first} */
  public List<ProjectionDecision> decisions(String projection) {
    return settings.store().decisions(slot(projection).name());
  }

  /** {@return the status of every projection, in the order they were added} */
  public List<ProjectionStatus> status() {
    Checkpoint head = settings.log().head();
    var statuses = new ArrayList<ProjectionStatus>();
    for (ProjectionSlot slot : slots.values()) {
      statuses.add(slot.status(head));
    }
    return statuses;
  }

  /** {@return the status of one projection} */
  public ProjectionStatus status(String projection) {
    return slot(projection).status(settings.log().head());
  }

  /** Stops every projection after its current batch; its checkpoint stays where it is. */
  @Override
  public void close() {
    List<ProjectionWorker> workers = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (ProjectionSlot slot : slots.values()) {
        if (slot.live != null) {
          workers.add(slot.live);
        }
        if (slot.rebuild != null) {
          workers.add(slot.rebuild.worker());
        }
      }
    }
    for (ProjectionWorker worker : workers) {
      try {
        worker.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // each worker was told to stop; they end on their own
      }
    }
  }

  private ProjectionSlot slot(String projection) {
    ProjectionSlot slot = slots.get(projection);
    if (slot == null) {
      throw new IllegalArgumentException(
          "There is no projection " + projection + "; there are " + slots.keySet());
    }
    return slot;
  }
}
