package dev.boulevard.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Shows that a replay does not hold the log in memory: fills a PostgreSQL log with many events over
 * few aggregates, replays it into an in-memory read model in a small heap, and prints the largest
 * heap in use after any garbage collection during the replay.
 *
 * <p>Run as {@code java -Xmx64m -cp benchmarks.jar dev.boulevard.benchmarks.ReplayMemory [events]
 * [aggregates] [database]}.
 */
public final class ReplayMemory {

  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
  private static final Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  private ReplayMemory() {}

  /**
   * Fills, replays and reports.
   *
   * @param args the number of events (1,000,000), of aggregates (200) and the database (POSTGRESQL)
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int aggregates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    BenchDatabase database = BenchDatabase.valueOf(args.length > 2 ? args[2] : "POSTGRESQL");
    String table = "bench_memory_" + System.nanoTime() % 1_000_000;
    HikariDataSource pool = database.pool(8);
    try {
      JdbcSchema.eventStore(pool, table).migrate();
      var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
      try (JdbcEventStore store =
          JdbcEventStore.builder(pool, new JacksonSerializer(registry))
              .table(table)
              .dialect(database.dialect)
              .build()) {
        long filling = System.nanoTime();
        LogFiller.fill(store, events, aggregates, 100, 8);
        Checkpoint head = store.head();
        print("filled %,d events over %d aggregates in %.1f s", events, aggregates, since(filling));
        replay(store, head, events);
      }
    } finally {
      BenchDatabase.drop(pool, table);
      pool.close();
    }
  }

  private static void replay(JdbcEventStore store, Checkpoint head, int events)
      throws InterruptedException {
    var storage = InMemoryReadModelStorage.create();
    var projection =
        TrackingProjection.named("memory")
            .readModel("balances", Balance.class)
            .projector(
                models ->
                    new BalanceProjector(models.repository("balances", Balance.class), m -> {}));
    System.gc();
    print("heap used before the replay, after a full GC: %.1f MiB", usedMiB());
    watchCollections();
    long replaying = System.nanoTime();
    try (Projections projections = Projections.builder(store, storage).add(projection).build()) {
      projections.start();
      if (!projections.awaitCheckpoint(head, Duration.ofMinutes(20))) {
        throw new IllegalStateException("The replay did not finish: " + projections.status());
      }
      double seconds = since(replaying);
      ReadModelRepository<Balance> balances = projections.readModel("balances", Balance.class);
      long total = balances.findAll().stream().mapToLong(Balance::deposits).sum();
      print(
          "replayed %,d events in %.1f s (%,.0f events/s) into %d documents holding %,d deposits",
          events, seconds, events / seconds, balances.findAll().size(), total);
      print(
          "largest heap in use after a GC during the replay: %.1f MiB of %.1f MiB max; %d GCs",
          MAX_AFTER_GC.get() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0,
          collections());
      System.gc();
      print("heap used after the replay, after a full GC: %.1f MiB", usedMiB());
    }
  }

  private static void watchCollections() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector)
          .addNotificationListener(
              (notification, handback) -> {
                var info =
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum();
                MAX_AFTER_GC.accumulateAndGet(used, Math::max);
              },
              notification ->
                  notification
                      .getType()
                      .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION),
              null);
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static double usedMiB() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void print(String format, Object... values) {
    System.out.println(String.format(Locale.ROOT, format, values));
  }
}
