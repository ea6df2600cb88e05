package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Catch-up of a projection split into 1, 2 and 4 segments, run by 1 and 2 instances, each instance
 * a JVM of its own: the fleet of issue 17 on PostgreSQL. Not a JMH benchmark: each run is one
 * catch-up from the beginning of a filled log, timed from the moment the first instance has started
 * its runner to the moment every segment's stored checkpoint has reached the log's head, and
 * repeated to show its spread.
 *
 * <pre>{@code
 * java -cp es-benchmarks/target/benchmarks.jar dev.boulevard.benchmarks.FleetCatchUp 1000000 2
 * }</pre>
 */
public final class FleetCatchUp {

  private static final String PROJECTION = "fleet";

  private FleetCatchUp() {}

  /**
   * Fills a log and times the catch-ups; or, as {@code worker}, runs one instance.
   *
   * @param args {@code [events [repeats]]} (1,000,000 and 2 by default), or {@code worker TABLE
   *     STATE_TABLE MODEL SEGMENTS NODE}
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("worker")) {
      worker(args[1], args[2], args[3], Integer.parseInt(args[4]), args[5]);
      return;
    }
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    try (HikariDataSource pool = BenchDatabase.POSTGRESQL.pool(8)) {
      String table = "bench_fleet_" + System.nanoTime() % 1_000_000;
      JdbcSchema.eventStore(pool, table).migrate();
      JdbcEventStore store = store(pool, table);
      long filling = System.nanoTime();
      LogFiller.fill(store, events, events / 100, 10, 8);
      Checkpoint head = store.head();
      analyze(pool, table);
      System.out.printf(
          Locale.ROOT,
          "Filled %s with %,d events (%,d aggregates) in %.1f s; head %s%n",
          table,
          events,
          events / 100,
          (System.nanoTime() - filling) / 1e9,
          head);
      System.out.println("| instances | segments | run | seconds | events/s |");
      System.out.println("|---:|---:|---:|---:|---:|");
      int run = 0;
      try {
        for (int repeat = 1; repeat <= repeats; repeat++) {
          for (int instances : new int[] {1, 2}) {
            for (int segments : new int[] {1, 2, 4}) {
              double seconds = catchUp(pool, table, head, events, instances, segments, ++run);
              System.out.printf(
                  Locale.ROOT,
                  "| %d | %d | %d | %.1f | %,.0f |%n",
                  instances,
                  segments,
                  repeat,
                  seconds,
                  events / seconds);
            }
          }
        }
      } finally {
        store.close();
        BenchDatabase.drop(pool, table);
      }
    }
  }

  private static JdbcEventStore store(HikariDataSource pool, String table) {
    var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
    return JdbcEventStore.builder(pool, new JacksonSerializer(registry))
        .table(table)
        .dialect(BenchDatabase.POSTGRESQL.dialect)
        .build();
  }

  private static void analyze(HikariDataSource pool, String table) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE " + table);
    }
  }

  /** {@return the seconds one catch-up took, after checking that it took in every event once} */
  private static double catchUp(
      HikariDataSource pool,
      String table,
      Checkpoint head,
      int events,
      int instances,
      int segments,
      int run)
      throws Exception {
    String stateTable = table + "_s" + run;
    String model = table + "_m" + run;
    List<Process> workers = new ArrayList<>();
    var ready = new CountDownLatch(1);
    try {
      for (int node = 1; node <= instances; node++) {
        workers.add(start(table, stateTable, model, segments, "node-" + node, ready));
      }
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("No instance started in 60 s");
      }
      long started = System.nanoTime();
      while (!caughtUp(pool, stateTable, segments, head)) {
        for (Process worker : workers) {
          if (!worker.isAlive()) {
            throw new IllegalStateException("An instance died: exit " + worker.exitValue());
          }
        }
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long deposits =
          count(pool, "SELECT SUM(CAST(document ->> 'deposits' AS BIGINT)) FROM " + model + "_1");
      if (deposits != events) {
        throw new IllegalStateException("The read model took in " + deposits + " of " + events);
      }
      return seconds;
    } finally {
      for (Process worker : workers) {
        worker.destroy(); // SIGTERM: the runner closes and releases its leases
        worker.waitFor(30, TimeUnit.SECONDS);
      }
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement()) {
        for (String dropped :
            List.of(
                model + "_1",
                model + "_1_fields",
                stateTable,
                stateTable + "_decisions",
                stateTable + "_leases",
                stateTable + "_members")) {
          statement.execute("DROP TABLE IF EXISTS " + dropped);
        }
      }
    }
  }

  private static Process start(
      String table,
      String stateTable,
      String model,
      int segments,
      String node,
      CountDownLatch ready)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                FleetCatchUp.class.getName(),
                "worker",
                table,
                stateTable,
                model,
                Integer.toString(segments),
                node)
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.equals("READY")) {
                    ready.countDown();
                  } else if (line.contains("ERROR") || line.contains("Exception")) {
                    System.err.println(node + ": " + line);
                  }
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static boolean caughtUp(
      HikariDataSource pool, String stateTable, int segments, Checkpoint head) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT commit_order, position FROM " + stateTable + " WHERE live")) {
      int reached = 0;
      while (rows.next()) {
        if (!head.isAfter(new Checkpoint(rows.getLong(1), rows.getLong(2)))) {
          reached++;
        }
      }
      return reached == segments;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return false; // the instances have not created it yet
      }
      throw e;
    }
  }

  private static long count(HikariDataSource pool, String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** One instance: a runner of the split projection, until the process is ended. */
  private static void worker(
      String table, String stateTable, String model, int segments, String node)
      throws InterruptedException {
    HikariDataSource pool = BenchDatabase.POSTGRESQL.pool(4 + segments);
    JdbcEventStore store = store(pool, table);
    var storage =
        JdbcReadModelStorage.builder(pool).dialect(BenchDatabase.POSTGRESQL.dialect).build();
    Projections projections =
        Projections.builder(store, storage)
            .stateTable(stateTable)
            .node(node)
            .batchSize(500)
            .add(
                TrackingProjection.named(PROJECTION)
                    .readModel(model, Balance.class)
                    .segments(segments)
                    .projector(
                        models ->
                            new BalanceProjector(
                                models.repository(model, Balance.class), message -> {})))
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  projections.close();
                  store.close();
                  pool.close();
                }));
    projections.start();
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join(); // until the process is ended
  }
}
