package dev.boulevard.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4's {@link JdbcEventStorageEngine} on PostgreSQL, the peer the {@code Axon*}
 * benchmarks run beside Boulevard: Axon's own schema ({@link PostgresEventTableFactory}, payloads
 * and metadata as {@code bytea}), Axon's {@link JacksonSerializer} over the same Jackson settings
 * as Boulevard's serializer (closer to Boulevard's JSON than Axon's XStream default), and a {@link
 * TransactionManager} that runs each of the engine's transactions on one pooled connection of the
 * thread, committed at its end: what Spring's transaction manager does for Axon, without Spring.
 */
final class AxonStore implements AutoCloseable {

  private final HikariDataSource pool;
  private final String eventTable;
  private final String snapshotTable;
  final JdbcEventStorageEngine engine;

  /**
   * Creates Axon's tables, named after {@code table}, on a new pool of {@code poolSize}, and the
   * engine over them, reading {@code batchSize} events per query (Axon's default is 100).
   */
  AxonStore(String table, int poolSize, int batchSize) {
    pool = BenchDatabase.POSTGRESQL.pool(poolSize);
    eventTable = table;
    snapshotTable = table + "_snapshots";
    var transactions = new ThreadTransactions(pool);
    var serializer =
        JacksonSerializer.builder().objectMapper(JacksonMappers.defaults().copy()).build();
    engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(transactions)
            .transactionManager(transactions)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .schema(
                EventSchema.builder().eventTable(eventTable).snapshotTable(snapshotTable).build())
            .batchSize(batchSize)
            .build();
    engine.createSchema(PostgresEventTableFactory.INSTANCE);
  }

  /** {@return the events of one append: deposits {@code first} onwards of an aggregate} */
  static List<GenericDomainEventMessage<Deposited>> deposits(String id, long first, int count) {
    var messages = new ArrayList<GenericDomainEventMessage<Deposited>>(count);
    for (long seq = first; seq < first + count; seq++) {
      messages.add(new GenericDomainEventMessage<>("Account", id, seq, new Deposited(id, seq)));
    }
    return messages;
  }

  /** Appends {@code events} deposits to aggregate {@code id}, {@code perAppend} per append. */
  void appendAggregate(String id, int events, int perAppend) {
    for (int first = 0; first < events; first += perAppend) {
      engine.appendEvents(deposits(id, first, Math.min(perAppend, events - first)));
    }
  }

  /**
   * Appends {@code events} deposits over {@code aggregates} aggregates from {@code writers}
   * threads, as {@link LogFiller} does for Boulevard's log.
   */
  void fill(int events, int aggregates, int perAppend, int writers) throws Exception {
    int perAggregate = events / aggregates;
    if (perAggregate * aggregates != events) {
      throw new IllegalArgumentException(events + " events do not split over " + aggregates);
    }
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    try {
      var done = new ArrayList<Future<?>>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            threads.submit(
                () -> {
                  for (int a = writer; a < aggregates; a += writers) {
                    appendAggregate("acc-" + a, perAggregate, perAppend);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  /** Runs {@code ANALYZE} on the event table. */
  void analyze() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE " + eventTable);
    }
  }

  /** Drops Axon's tables and closes the pool. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + snapshotTable);
      statement.execute("DROP TABLE IF EXISTS " + eventTable);
    } finally {
      pool.close();
    }
  }

  /**
   * Axon's connections and transactions: a transaction takes a pooled connection, binds it to the
   * thread and commits (or rolls back) and returns it at its end; the engine's connections within
   * it are that one, whose {@code close} does nothing. Outside a transaction (creating the schema)
   * the engine gets a pooled connection in auto-commit.
   */
  private static final class ThreadTransactions implements TransactionManager, ConnectionProvider {

    private final HikariDataSource pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    ThreadTransactions(HikariDataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = current.get();
      return connection == null
          ? pool.getConnection()
          : ConnectionWrapperFactory.wrap(
              connection, new ConnectionWrapperFactory.NoOpCloseHandler());
    }

    @Override
    public Transaction startTransaction() {
      if (current.get() != null) {
        return Nested.INSTANCE; // the outer transaction commits
      }
      Connection connection;
      try {
        connection = pool.getConnection();
        connection.setAutoCommit(false);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot begin a transaction", e);
      }
      current.set(connection);
      return new Transaction() {
        @Override
        public void commit() {
          end(connection, true);
        }

        @Override
        public void rollback() {
          end(connection, false);
        }
      };
    }

    private void end(Connection connection, boolean commit) {
      current.remove();
      try (connection) {
        if (commit) {
          connection.commit();
        } else {
          connection.rollback();
        }
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot end a transaction", e);
      }
    }

    private enum Nested implements Transaction {
      INSTANCE;

      @Override
      public void commit() {}

      @Override
      public void rollback() {}
    }
  }
}
