package dev.boulevard.wallet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.LogFollower;
import dev.boulevard.eventstore.jdbc.JdbcCommandLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcIdempotencyStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.idempotency.IdempotentCommandBus;
import dev.boulevard.messaging.Publication;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.readmodel.saga.SagasBuilder;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletCommandHandler;
import dev.boulevard.wallet.domain.WalletEvents;
import dev.boulevard.wallet.domain.WalletLimits;
import dev.boulevard.wallet.process.ExpiryProcess;
import dev.boulevard.wallet.readmodel.WalletProjections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The wallet app wired together on one database: the event store, the command bus with its audit
 * log and its idempotency keys, the tracking projections, the process manager that expires credits,
 * the publication of its events to a broker when asked for, and the commands and queries built on
 * them. Thread-safe; {@link #close()} stops the projections and closes the pool.
 */
public final class WalletApp implements AutoCloseable {

  /** The events table. */
  public static final String EVENTS_TABLE = "wallet_events";

  /** The audit log's table. */
  public static final String COMMANDS_TABLE = "wallet_commands";

  /** The idempotency keys' table: each key with what its command stored. */
  public static final String IDEMPOTENCY_KEYS_TABLE = "wallet_idempotency_keys";

  /** The projections' checkpoint table. */
  public static final String PROJECTIONS_TABLE = "wallet_projections";

  /** The process managers' checkpoint table. */
  public static final String SAGAS_TABLE = "wallet_sagas";

  /** The process managers' outbox of scheduled commands. */
  public static final String OUTBOX_TABLE = "wallet_outbox";

  /** How many times a command that lost the race for its wallet is tried in all. */
  public static final int COMMAND_ATTEMPTS = 5;

  private final HikariDataSource pool;
  private final JdbcEventStore store;
  private final Projections projections;
  private final Sagas sagas;
  private final WalletBroker.Outbound outbound; // null unless the events are published
  private final Projections publishing; // null unless the events are published
  private final IdempotentCommandBus keyed;
  private final WalletCommands commands;
  private final WalletQueries queries;
  private final ObjectMapper mapper;
  private volatile ExpiredKeysCleanup cleanup;

  private WalletApp(HikariDataSource pool, WalletOptions options, Clock clock) {
    this.pool = pool;
    this.mapper = WalletJson.mapper();
    EventTypeRegistry registry = WalletEvents.registry();
    migrateCommandTables(pool);
    this.store = JdbcEventStore.builder(pool, serializer()).table(EVENTS_TABLE).build();
    var log = JdbcCommandLog.builder(pool).table(COMMANDS_TABLE).objectMapper(mapper).build();
    EventSourcingRepository<Wallet> replaying = wallets(store, clock);
    this.keyed = keyedHandlers(pool, store, replaying, clock);
    this.commands = commands(store, log, keyed, replaying, clock);
    ProjectionsBuilder shared = projections(store, pool).leaseTime(options.leaseTime());
    this.projections = (options.nodeId() == null ? shared : shared.node(options.nodeId())).build();
    this.sagas = sagas(store, pool, commands, options, clock);
    this.outbound = options.publish() == null ? null : outbound(options);
    try {
      this.publishing = outbound == null ? null : publishing(store, pool, outbound, options);
    } catch (RuntimeException e) {
      outbound.close();
      throw e;
    }
    this.queries =
        new WalletQueries(
            projections,
            sagas,
            publishing,
            LogFollower.all(projections, sagas),
            store,
            replaying,
            registry,
            log,
            mapper,
            clock);
  }

  private static WalletBroker.Outbound outbound(WalletOptions options) {
    try {
      return WalletBroker.publishTo(options.publish(), serializer());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the broker at " + options.publish(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted connecting to " + options.publish(), e);
    }
  }

  /**
   * Runs the publication of the wallet's events on a runner of its own, beside the read models':
   * the queries that wait for the read models to catch up do not wait for the broker.
   */
  private static Projections publishing(
      JdbcEventStore store,
      DataSource dataSource,
      WalletBroker.Outbound outbound,
      WalletOptions options) {
    ProjectionsBuilder builder =
        Projections.builder(store, JdbcReadModelStorage.create(dataSource))
            .stateTable(PROJECTIONS_TABLE)
            .leaseTime(options.leaseTime())
            .add(outbound.publication().projection());
    return (options.nodeId() == null ? builder : builder.node(options.nodeId())).build();
  }

  /**
   * {@return the serializer of the wallet's events: the one place for their current versions and
   * the upcasters of older ones}
   */
  public static Serializer serializer() {
    return new JacksonSerializer(WalletEvents.registry());
  }

  /** {@return the factory that replays a wallet; every aggregate of the events table is one} */
  public static AggregateFactory<Wallet> walletFactory() {
    return AggregateFactory.of(Wallet::new);
  }

  /**
   * Starts the app on the database the options name: migrates the tables, starts the projections
   * and process managers, which catch up from their checkpoints (or leave them to the other
   * instances of the fleet that run them), and the clean-up of expired idempotency keys.
   *
   * @param options the options
   * @param clock the app's clock
   * @return the running app
   */
  public static WalletApp start(WalletOptions options, Clock clock) {
    HikariDataSource pool = WalletDatabase.open(options);
    WalletApp app;
    try {
      app = new WalletApp(pool, options, clock);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    try {
      app.projections.start();
      app.sagas.start();
      if (app.publishing != null) {
        app.publishing.start();
      }
      app.cleanup = ExpiredKeysCleanup.start(app::deleteExpiredKeys);
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  /**
   * Wires the app's command side alone on a database, exactly as the app does, without its
   * projections and process managers: for benchmarks and tools that only dispatch commands.
   *
   * @param dataSource the database, whose events, command log and idempotency keys tables this
   *     migrates
   * @param clock the app's clock
   * @return the commands, on a store that needs no closing as nothing tails its log; expired
   *     idempotency keys count as absent but are not deleted
   */
  public static WalletCommands commandsOn(DataSource dataSource, Clock clock) {
    migrateCommandTables(dataSource);
    JdbcEventStore store =
        JdbcEventStore.builder(dataSource, serializer()).table(EVENTS_TABLE).build();
    var log =
        JdbcCommandLog.builder(dataSource)
            .table(COMMANDS_TABLE)
            .objectMapper(WalletJson.mapper())
            .build();
    EventSourcingRepository<Wallet> wallets = wallets(store, clock);
    return commands(store, log, keyedHandlers(dataSource, store, wallets, clock), wallets, clock);
  }

  /** Creates or migrates the tables the command side writes: events, command log, keys. */
  private static void migrateCommandTables(DataSource dataSource) {
    JdbcSchema.eventStore(dataSource, EVENTS_TABLE).migrate();
    JdbcSchema.commandLog(dataSource, COMMANDS_TABLE).migrate();
    JdbcSchema.idempotencyKeys(dataSource, IDEMPOTENCY_KEYS_TABLE).migrate();
  }

  private static EventSourcingRepository<Wallet> wallets(JdbcEventStore store, Clock clock) {
    return EventSourcingRepository.builder(Wallet.class, store, walletFactory())
        .clock(clock)
        .build();
  }

  /**
   * The command handlers behind the idempotency keys: a command sent with a key claims the key,
   * runs and records its result in the store's unit of work, which joins the one the command log
   * opens; a repeat of the key answers that result and runs nothing.
   */
  private static IdempotentCommandBus keyedHandlers(
      DataSource dataSource,
      JdbcEventStore store,
      EventSourcingRepository<Wallet> wallets,
      Clock clock) {
    var handlers = new SimpleCommandBus();
    handlers.subscribe(new WalletCommandHandler(wallets, clock));
    return IdempotentCommandBus.builder(
            handlers, JdbcIdempotencyStore.on(dataSource, IDEMPOTENCY_KEYS_TABLE))
        .unitOfWork(store.unitOfWork())
        .clock(clock)
        .keepKeysFor(WalletLimits.KEEP_IDEMPOTENCY_KEYS)
        .build();
  }

  /**
   * Each command runs in one transaction of the store's: its key's claim and result, the wallet's
   * load, its events and the command log's success row commit together, on one connection; a lost
   * race is tried again in a fresh transaction, which claims the key again, and a failure is logged
   * once, on its own, after the rollback, which took the key's claim with it.
   */
  private static WalletCommands commands(
      JdbcEventStore store,
      JdbcCommandLog log,
      IdempotentCommandBus keyed,
      EventSourcingRepository<Wallet> wallets,
      Clock clock) {
    var attempts = new RetryingUnitOfWork(store.unitOfWork(), COMMAND_ATTEMPTS);
    return new WalletCommands(CommandLogger.around(keyed, log, clock, attempts), wallets);
  }

  private static ProjectionsBuilder projections(JdbcEventStore store, DataSource dataSource) {
    ProjectionsBuilder builder =
        Projections.builder(store, JdbcReadModelStorage.create(dataSource))
            .stateTable(PROJECTIONS_TABLE);
    WalletProjections.all().forEach(builder::add);
    return builder;
  }

  /**
   * Runs the wallet's process managers: {@link ExpiryProcess} dispatches {@link ExpireCredits}
   * through the app's commands (locked per wallet, retried, audited) when a wallet's next lot
   * expires by the app's clock. Every instance of a fleet dispatches due commands; one at a time
   * runs each process manager, under its lease.
   */
  private static Sagas sagas(
      JdbcEventStore store,
      DataSource dataSource,
      WalletCommands commands,
      WalletOptions options,
      Clock clock) {
    CommandBus bus =
        new CommandBus() {
          @Override
          public void subscribe(CommandHandler handler) {
            throw new UnsupportedOperationException("The sagas' bus only dispatches");
          }

          @Override
          public DispatchResult dispatch(Object command) {
            // Keyed by its outbox entry: delivered again after a crash that followed its commit,
            // an expiry is answered, not applied twice.
            var keyed = (IdempotentCommand) command;
            commands.dispatch((WalletCommand) keyed.command(), keyed.key());
            return DispatchResult.none(); // the process managers do not wait for their commands
          }
        };
    SagasBuilder builder =
        Sagas.builder(
                store, JdbcReadModelStorage.create(dataSource), bus, ExpiryProcess.commandTypes())
            .add(new ExpiryProcess())
            .tables(SAGAS_TABLE, OUTBOX_TABLE)
            .clock(clock)
            .keyCommands()
            .leaseTime(options.leaseTime());
    return (options.nodeId() == null ? builder : builder.node(options.nodeId())).build();
  }

  /** {@return the commands} */
  public WalletCommands commands() {
    return commands;
  }

  /** {@return the queries} */
  public WalletQueries queries() {
    return queries;
  }

  /** {@return the projections, for status and rebuilds} */
  public Projections projections() {
    return projections;
  }

  /** {@return the runner of the publication to the broker, if the app publishes its events} */
  public Optional<Projections> publishing() {
    return Optional.ofNullable(publishing);
  }

  /** {@return the publication to the broker, if the app publishes its events} */
  public Optional<Publication> publication() {
    return Optional.ofNullable(outbound).map(WalletBroker.Outbound::publication);
  }

  /** {@return the process managers, for their outbox and status} */
  public Sagas sagas() {
    return sagas;
  }

  /**
   * Deletes the idempotency keys kept longer than {@link WalletLimits#KEEP_IDEMPOTENCY_KEYS} by the
   * app's clock; the app does so by itself every {@link ExpiredKeysCleanup#EVERY}.
   *
   * @return how many keys it deleted
   */
  public int deleteExpiredKeys() {
    return keyed.deleteExpiredKeys();
  }

  /** {@return the event store} */
  public JdbcEventStore eventStore() {
    return store;
  }

  /** {@return the app's JSON mapper} */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Stops the clean-up of keys, the process managers and the projections after their current batch,
   * then closes the store and the pool.
   */
  @Override
  public void close() {
    try {
      if (cleanup != null) {
        cleanup.close();
      }
      sagas.close();
      projections.close();
    } finally {
      try {
        if (publishing != null) {
          try {
            publishing.close();
          } finally {
            outbound.close();
          }
        }
      } finally {
        store.close();
        pool.close();
      }
    }
  }
}
