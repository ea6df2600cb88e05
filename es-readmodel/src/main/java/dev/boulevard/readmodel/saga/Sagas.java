package dev.boulevard.readmodel.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LogFollower;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.OutboxEntry;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.serializer.EventTypeRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs process managers durably: each is a tracking projection that reads the global log from its
 * own checkpoint, stores its state per correlation as a read model, and writes the commands it
 * sends to an outbox, all in the transaction that moves its checkpoint; a dispatcher delivers the
 * commands that are due, by the clock, to a command bus.
 *
 * <pre>{@code
 * try (Sagas sagas =
 *     Sagas.builder(store, JdbcReadModelStorage.create(dataSource), commandBus, commandTypes)
 *         .add(new PaymentDeadline())
 *         .clock(clock)
 *         .build()) {
 *   sagas.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>On a transactional storage (JDBC), each event changes a process's state and its outbox
 *       exactly once, across crashes and restarts; deadlines are rows in the outbox and survive
 *       them. On in-memory storage a runner started again on the same storage resumes.
 *   <li>Commands are delivered <em>at least once</em>: a crash between a command's dispatch and its
 *       removal from the outbox dispatches it again, and so may a deadline that fires while its
 *       cancellation is being stored. Commands sent by process managers must be idempotent.
 *   <li>A command that fails is tried again after the {@link SagasBuilder#delivery} policy's pause,
 *       by the clock; after its last attempt it is kept, logged and listed by {@link #failed()},
 *       never dropped and never retried without end, until {@link #retry} releases it.
 *   <li>An event a process manager fails on is retried, then its projection parks at it, as
 *       tracking projections do; {@link #resume} and {@link #skip} decide.
 * </ul>
 *
 * <p>Process managers are never rebuilt: replaying the log would send their commands again. Their
 * state read models share the storage's names with other read models, so name them apart. Thread-
 * safe.
 */
public final class Sagas implements LogFollower, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Sagas.class);

  private final Projections projections;
  private final Outbox outbox;
  private final CommandDispatcher dispatcher;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final ReadModelStorage storage;

  Sagas(SagasBuilder builder) {
    this.mapper = builder.mapper;
    this.clock = builder.clock;
    this.storage = builder.storage;
    this.outbox = builder.storage.outbox(builder.outboxTable);
    var codec = new CommandCodec(builder.commandTypes, builder.mapper);
    this.dispatcher =
        new CommandDispatcher(
            outbox,
            codec,
            builder.bus,
            builder.keyCommands ? builder.outboxTable : null,
            builder.clock,
            builder.delivery,
            builder.poll,
            builder.lease,
            builder.threads == null ? CommandDispatcher::daemonThread : builder.threads);
    this.projections = SagaProjections.build(builder, outbox, codec);
  }

  /**
   * Starts the definition of a runner.
   *
   * @param log the global log the process managers read
   * @param storage where their states, checkpoints and outbox are stored
   * @param commandBus where due commands are dispatched
   * @param commandTypes the stored names of every command class they send
   * @return the builder
   */
  public static SagasBuilder builder(
      GlobalEventLog log,
      ReadModelStorage storage,
      CommandBus commandBus,
      EventTypeRegistry commandTypes) {
    return new SagasBuilder(log, storage, commandBus, commandTypes);
  }

  /**
   * Starts every process manager's projection and the dispatcher.
   *
   * @throws IllegalStateException if the runner was started before
   */
  public void start() {
    if (!storage.isDurable()) {
      LOG.warn(
          "Sagas run on {}, which is not durable: their outbox, with its scheduled commands and"
              + " deadlines, is lost at restart",
          storage.getClass().getSimpleName());
    }
    projections.start();
    dispatcher.start();
  }

  /**
   * Delivers every command due now, on the calling thread, besides the dispatcher's own passes.
   *
   * @return how many were delivered
   */
  public int dispatchDue() {
    return dispatcher.deliverDue();
  }

  /**
   * {@return how many commands wait in the outbox, for metrics: cheaper than {@link #scheduled}}
   */
  public long outboxDepth() {
    return outbox.depth();
  }

  /** {@return the commands waiting in the outbox, soonest due first} */
  public List<OutboxEntry> scheduled() {
    return outbox.pending();
  }

  /** {@return the commands kept after their last failed attempt, oldest first} */
  public List<OutboxEntry> failed() {
    return outbox.kept();
  }

  /**
   * Releases a kept command: it is due at once, with its attempts counted afresh.
   *
   * @param id the outbox entry's id
   * @return false if no kept command has that id
   */
  public boolean retry(long id) {
    boolean released = outbox.release(id, clock.instant());
    dispatcher.nudge();
    return released;
  }

  /**
   * Reads the stored state of one process.
   *
   * @param manager the process manager
   * @param correlation the process's correlation key
   * @param <S> the state's type
   * @return the state, or empty if the process never started or ended
   */
  public <S> Optional<S> state(ProcessManager<S> manager, String correlation) {
    Objects.requireNonNull(manager, "manager");
    return projections
        .readModel(manager.name(), StoredProcess.class)
        .find(correlation)
        .map(stored -> mapper.convertValue(stored.state(), manager.stateType()));
  }

  /**
   * Waits until every process manager has handled the event at a global position.
   *
   * @param position the event's global position; 0, what an append of nothing reports, at once
   * @param timeout how long to wait at most
   * @return whether all did; false after the timeout, or at once if one is parked before it, which
   *     is logged at WARN ({@link #awaitOutcome} says which)
   * @throws InterruptedException if the waiting thread is interrupted
   */
  @Override
  public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
    return projections.awaitPosition(position, timeout);
  }

  /**
   * Waits until every process manager has handled the event at a global position, and says why not
   * if one did not.
   *
   * @param position the event's global position; 0, what an append of nothing reports, at once
   * @param timeout how long to wait at most
   * @return reached; timed out; or, at once, {@link AwaitOutcome.Stuck} with the process manager
   *     parked before it, the position and stored type it is parked at, and the last error there
   * @throws InterruptedException if the waiting thread is interrupted
   */
  @Override
  public AwaitOutcome awaitOutcome(long position, Duration timeout) throws InterruptedException {
    return projections.awaitOutcome(position, timeout);
  }

  /** {@return the status of each process manager's projection} */
  public List<ProjectionStatus> status() {
    return projections.status();
  }

  /**
   * Retries the event a parked process manager is parked at.
   *
   * @param process the process manager's name
   * @param reason why, recorded with the decision
   */
  public void resume(String process, String reason) {
    projections.resume(process, reason);
  }

  /**
   * Moves a parked process manager past the event it is parked at, without handling it.
   *
   * @param process the process manager's name
   * @param reason why, recorded with the decision
   */
  public void skip(String process, String reason) {
    projections.skip(process, reason);
  }

  /** Stops the dispatcher, then every projection after its current batch. */
  @Override
  public void close() {
    try {
      dispatcher.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      projections.close();
    }
  }
}
