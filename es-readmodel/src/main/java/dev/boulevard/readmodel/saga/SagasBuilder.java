package dev.boulevard.readmodel.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionObserver;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.spi.ModelChecks;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/** Collects the process managers and settings of a {@link Sagas} runner; not thread-safe. */
public final class SagasBuilder {

  final GlobalEventLog log;
  final ReadModelStorage storage;
  final CommandBus bus;
  final EventTypeRegistry commandTypes;
  final List<ProcessManager<?>> managers = new ArrayList<>();
  ObjectMapper mapper = JacksonMappers.defaults();
  Clock clock = Clock.systemUTC();
  String stateTable = "boulevard_sagas";
  String outboxTable = "boulevard_outbox";
  RetryPolicy eventRetry = RetryPolicy.defaults();
  RetryPolicy delivery = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5));
  Duration poll = Duration.ofMillis(100);
  Duration lease = Duration.ofMinutes(5);
  int batchSize = 100;
  boolean keyCommands;
  final List<ProjectionObserver> observers = new ArrayList<>();
  ThreadFactory threads; // null: each part's own default
  String node; // null: the projections' default
  Duration leaseTime; // null: the projections' default

  SagasBuilder(
      GlobalEventLog log, ReadModelStorage storage, CommandBus bus, EventTypeRegistry types) {
    this.log = Objects.requireNonNull(log, "log");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.commandTypes = Objects.requireNonNull(types, "commandTypes");
  }

  /**
   * Adds a process manager.
   *
   * @param manager the process manager
   * @return this builder
   * @throws IllegalArgumentException if one of the same name was added before
   */
  public SagasBuilder add(ProcessManager<?> manager) {
    Objects.requireNonNull(manager, "manager");
    if (managers.stream().anyMatch(m -> m.name().equals(manager.name()))) {
      throw new IllegalArgumentException("Process manager " + manager.name() + " is added twice");
    }
    managers.add(manager);
    return this;
  }

  /**
   * Sets the mapper that writes states and commands as JSON.
   *
   * @param mapper the mapper, which must not be changed afterwards; the {@link
   *     JacksonMappers#defaults() default mapper} unless set
   * @return this builder
   */
  public SagasBuilder objectMapper(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return this;
  }

  /**
   * Sets the clock that decides which commands are due.
   *
   * @param clock the clock; the system's UTC clock unless set
   * @return this builder
   */
  public SagasBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the tables of a JDBC storage: the checkpoints' (and {@code <table>_decisions}) and the
   * outbox's; each process's state is a read model named after its process manager.
   *
   * @param stateTable 1 to 40 letters, digits or underscores; {@code boulevard_sagas} unless set
   * @param outboxTable the same; {@code boulevard_outbox} unless set
   * @return this builder
   */
  public SagasBuilder tables(String stateTable, String outboxTable) {
    this.stateTable = ModelChecks.requireStoreName(stateTable);
    this.outboxTable = ModelChecks.requireStoreName(outboxTable);
    return this;
  }

  /**
   * Sets how an event a process manager fails on is retried before its projection parks.
   *
   * @param retry the policy; {@link RetryPolicy#defaults()} unless set
   * @return this builder
   */
  public SagasBuilder eventRetry(RetryPolicy retry) {
    this.eventRetry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * Sets how often a command that fails is delivered before it is kept, and the pauses between, by
   * the clock.
   *
   * @param delivery the policy; 10 attempts, pausing 1 s, doubling up to 5 minutes, unless set
   * @return this builder
   */
  public SagasBuilder delivery(RetryPolicy delivery) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    return this;
  }

  /**
   * Sends each command as an {@link dev.boulevard.commandhandling.IdempotentCommand} keyed by its
   * outbox entry, in the scope of the outbox's table name: a command delivered again after a crash
   * or a lost answer, although its first delivery committed, is then applied once. The bus must
   * have a {@link dev.boulevard.idempotency.IdempotentCommandBus} in it, inside the unit of work
   * that covers a command; off unless set.
   *
   * @return this builder
   */
  public SagasBuilder keyCommands() {
    this.keyCommands = true;
    return this;
  }

  /**
   * Sets how often the dispatcher looks for due commands when nothing woke it.
   *
   * @param poll more than zero; 100 ms unless set
   * @return this builder
   */
  public SagasBuilder pollInterval(Duration poll) {
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("The poll interval is more than zero, not " + poll);
    }
    this.poll = poll;
    return this;
  }

  /**
   * Sets how many events are handled and committed at a time.
   *
   * @param batchSize 1 or more; 100 unless set
   * @return this builder
   */
  public SagasBuilder batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("A batch holds 1 event or more, not " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * Names the instance the runner runs in, under which it takes the process managers' leases, as
   * {@link dev.boulevard.readmodel.projection.ProjectionsBuilder#node} does for projections.
   *
   * @param node 1 to 100 characters, none of them control characters; the JVM's {@code pid@host}
   *     unless set
   * @return this builder
   */
  public SagasBuilder node(String node) {
    Projections.builder(log, storage).node(node); // checked as the projections check it
    this.node = node;
    return this;
  }

  /**
   * Sets how long a process manager's lease lasts unless renewed, as {@link
   * dev.boulevard.readmodel.projection.ProjectionsBuilder#leaseTime} does for projections.
   *
   * @param leaseTime 1 second to 10 minutes; 10 seconds unless set
   * @return this builder
   */
  public SagasBuilder leaseTime(Duration leaseTime) {
    Projections.builder(log, storage).leaseTime(leaseTime);
    this.leaseTime = leaseTime;
    return this;
  }

  /**
   * Sets where the runner's threads come from: one per process manager it runs, one that keeps
   * their leases, and one for the dispatcher.
   *
   * @param threadFactory the factory; unless set, daemon threads named {@code
   *     boulevard-projection-<name>-<generation>}, {@code boulevard-leases-<runner>} and {@code
   *     boulevard-sagas-dispatcher}
   * @return this builder
   */
  public SagasBuilder threadFactory(ThreadFactory threadFactory) {
    this.threads = Objects.requireNonNull(threadFactory, "threadFactory");
    return this;
  }

  /**
   * Adds an observer of the batches, retries and parks of the process managers' event handling,
   * such as es-micrometer's metrics or es-opentelemetry's spans.
   *
   * @param observer the observer, called on the workers' threads
   * @return this builder
   */
  public SagasBuilder observe(ProjectionObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  /**
   * Builds the runner; on a JDBC storage it creates its tables, and it starts nothing yet.
   *
   * @return the runner
   * @throws IllegalStateException if no process manager was added
   */
  public Sagas build() {
    if (managers.isEmpty()) {
      throw new IllegalStateException("Add a process manager before building the sagas");
    }
    return new Sagas(this);
  }
}
