package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.jdbc.JdbcCommandLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.wallet.app.WalletApp;
import dev.boulevard.wallet.app.WalletCommands;
import dev.boulevard.wallet.app.WalletJson;
import dev.boulevard.wallet.domain.InsufficientCreditsException;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import dev.boulevard.wallet.domain.WalletCommandHandler;
import dev.boulevard.wallet.domain.WalletNotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wallet's commands, the load generator's mix (add credits or spend across kinds, about half
 * and half, 1 to 100 credits, on wallets of each thread's own), three ways in one run: through the
 * app's own wiring ({@link WalletApp#commandsOn}: one unit of work per command), through the wiring
 * the app had before (each load, append and audit row on a connection and in a transaction of its
 * own), and as the limit in plain JDBC ({@link PlainWalletCommands}). A spend the wallet cannot
 * cover fails and is audited as failed, in every variant.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput})
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(16)
@Fork(1)
public class WalletCommandBenchmark {

  /** The database. */
  @Param({"H2", "POSTGRESQL"})
  public BenchDatabase database;

  /** How many wallets each thread spreads its commands over. */
  @Param({"200"})
  public int walletsPerThread;

  private final Clock clock = Clock.systemUTC();
  private final AtomicInteger threads = new AtomicInteger();
  private HikariDataSource pool;
  private WalletCommands commands;
  private CommandBus formerBus;
  private PlainWalletCommands plain;

  /** One thread's wallets and its random mix. */
  @State(Scope.Thread)
  public static class Client {
    private String prefix;
    private SplittableRandom random;

    /** Names the thread's wallets apart from the other threads'. */
    @Setup(Level.Trial)
    public void name(WalletCommandBenchmark benchmark) {
      int thread = benchmark.threads.incrementAndGet();
      prefix = "t" + thread + "-" + System.nanoTime() % 1_000_000 + "-";
      random = new SplittableRandom(thread);
    }

    WalletCommand next(String variant, int wallets) {
      String user = variant + prefix + random.nextInt(wallets);
      long amount = 1 + random.nextInt(100);
      return random.nextBoolean()
          ? new AddWalletCredits(user, amount)
          : new SubCredits(user, amount);
    }
  }

  /** Creates the wallet's tables and the plain ones, and wires the three variants. */
  @Setup(Level.Trial)
  public void wire() throws SQLException {
    pool = database.pool(16);
    dropTables();
    commands = WalletApp.commandsOn(pool, clock);
    formerBus = formerWiring();
    plain = PlainWalletCommands.create(pool, database.dialect, clock);
  }

  /**
   * The wiring before units of work: the logger around the bus, the store and the log each on a
   * connection of their own per call. (Its retrying bus only acted on a lost race, which wallets of
   * one thread's own never have.)
   */
  private CommandBus formerWiring() {
    JdbcEventStore store =
        JdbcEventStore.builder(pool, WalletApp.serializer())
            .table(WalletApp.EVENTS_TABLE)
            .dialect(database.dialect)
            .build();
    JdbcCommandLog log =
        JdbcCommandLog.builder(pool)
            .table(WalletApp.COMMANDS_TABLE)
            .objectMapper(WalletJson.mapper())
            .build();
    EventSourcingRepository<Wallet> wallets =
        EventSourcingRepository.builder(Wallet.class, store, WalletApp.walletFactory())
            .clock(clock)
            .build();
    var bus = new SimpleCommandBus();
    bus.subscribe(new WalletCommandHandler(wallets, clock));
    return CommandLogger.around(bus, log, clock);
  }

  /** Drops every table and closes the pool. */
  @TearDown(Level.Trial)
  public void close() throws SQLException {
    dropTables();
    pool.close();
  }

  private void dropTables() throws SQLException {
    BenchDatabase.drop(pool, WalletApp.EVENTS_TABLE);
    BenchDatabase.drop(pool, WalletApp.COMMANDS_TABLE);
    BenchDatabase.drop(pool, WalletApp.IDEMPOTENCY_KEYS_TABLE);
    BenchDatabase.drop(pool, PlainWalletCommands.EVENTS_TABLE);
    BenchDatabase.drop(pool, PlainWalletCommands.COMMANDS_TABLE);
  }

  /** One command through the app's wiring: one unit of work, one connection. */
  @Benchmark
  public Object boulevard(Client client) {
    try {
      return commands.dispatch(client.next("b", walletsPerThread));
    } catch (InsufficientCreditsException | WalletNotFoundException e) {
      return e; // refused, and audited as failed
    }
  }

  /** One command through the wiring the app had before units of work. */
  @Benchmark
  public Object boulevardBefore(Client client) {
    try {
      return formerBus.dispatch(client.next("f", walletsPerThread));
    } catch (InsufficientCreditsException | WalletNotFoundException e) {
      return e; // refused, and audited as failed
    }
  }

  /** One command in plain JDBC: the limit. */
  @Benchmark
  public Object plainJdbc(Client client) throws SQLException {
    return plain.dispatch(client.next("p", walletsPerThread));
  }
}
