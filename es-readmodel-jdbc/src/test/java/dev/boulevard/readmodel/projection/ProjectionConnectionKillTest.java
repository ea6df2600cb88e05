package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills the database connections of a projection again and again while it catches up: it recovers
 * by itself, and every event takes effect exactly once.
 *
 * <p>The projection runs on a pool of the test's own, marked so that only its connections are
 * killed: the servers may be shared with other test runs.
 */
class ProjectionConnectionKillTest {

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(180)
  abstract static class Cases {

    abstract TestDatabase database();

    /** Kills every connection of the test's own pool; returns how many. */
    abstract int killOthers(Statement statement) throws SQLException;

    /** {@return a pool of the test's own, whose connections {@link #killOthers} can tell apart} */
    abstract HikariDataSource ownPool() throws SQLException;

    static final String MARK = "boulevard_kill_" + ProcessHandle.current().pid();

    static HikariDataSource pool(String url, TestDatabase database) {
      var config = new HikariConfig();
      config.addDataSourceProperty("ApplicationName", MARK); // PostgreSQL's driver reports it
      config.setJdbcUrl(url);
      config.setUsername(database.user());
      config.setPassword(database.password());
      config.setMaximumPoolSize(4);
      config.setPoolName(MARK);
      return new HikariDataSource(config);
    }

    @Test
    void a_projection_whose_connections_are_killed_recovers_and_applies_each_event_once()
        throws Exception {
      database().dataSource(); // skips loudly, unless on CI, if the database is unreachable
      try (HikariDataSource pool = ownPool();
          var env = new JdbcProjectionEnvironment(database(), pool)) {
        int accounts = 20;
        int events = 60;
        for (int account = 0; account < accounts; account++) {
          env.store().append("acc-" + account, deposits("acc-" + account, 0, events));
        }
        Checkpoint last = env.store().head();
        String model = env.model("kil");
        var slow = new AtomicBoolean(true);
        Projections projections =
            env.projections()
                .batchSize(10)
                .retry(ProjectionEnvironment.QUICK)
                .add(
                    TrackingProjection.named("balances")
                        .readModel(model, Balance.class)
                        .projector(
                            models ->
                                new BalanceProjector(
                                    models.repository(model, Balance.class),
                                    message ->
                                        slow.get()
                                            && ProjectionEnvironment.pause(Duration.ofMillis(1)))))
                .build();
        var kills = new AtomicInteger();
        var killer = new Thread(() -> killRepeatedly(projections, last, kills));
        try (projections) {
          projections.start();
          killer.start();
          killer.join();
          slow.set(false);

          assertThat(projections.awaitCheckpoint(last, ProjectionEnvironment.WAIT)).isTrue();

          assertThat(kills.get()).isPositive();
          List<Balance> balances =
              new ArrayList<>(projections.readModel(model, Balance.class).findAll());
          assertThat(balances)
              .hasSize(accounts)
              .allSatisfy(
                  b -> assertThat(b).isEqualTo(ProjectionEnvironment.complete(b.id(), events)));
          assertThat(projections.status("balances").lastError()).isPresent();
        }
      }
    }

    private void killRepeatedly(Projections projections, Checkpoint last, AtomicInteger kills) {
      try (Connection own = database().newConnection();
          Statement statement = own.createStatement()) {
        for (int round = 0; round < 40; round++) {
          if (projections.awaitCheckpoint(last, Duration.ZERO)) {
            return; // caught up already
          }
          kills.addAndGet(killOthers(statement));
          Thread.sleep(30);
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.POSTGRESQL;
    }

    @Override
    HikariDataSource ownPool() {
      return pool(database().url(), database());
    }

    @Override
    int killOthers(Statement statement) throws SQLException {
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                  + " WHERE application_name = '"
                  + MARK
                  + "' AND pid <> pg_backend_pid()")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Nested
  class OnMariaDb extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.MARIADB;
    }

    /** A database of the test's own, by which the processlist tells its connections apart. */
    @Override
    HikariDataSource ownPool() throws SQLException {
      try (Connection own = database().newConnection();
          Statement statement = own.createStatement()) {
        statement.execute("CREATE DATABASE IF NOT EXISTS " + MARK);
      }
      String url = database().url();
      int query = url.indexOf('?');
      String base = query < 0 ? url : url.substring(0, query);
      return pool(
          base.substring(0, base.lastIndexOf('/') + 1)
              + MARK
              + (query < 0 ? "" : url.substring(query)),
          database());
    }

    @Override
    int killOthers(Statement statement) throws SQLException {
      var ids = new ArrayList<Long>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT id FROM information_schema.processlist WHERE db = '"
                  + MARK
                  + "' AND id <> CONNECTION_ID()")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      int killed = 0;
      for (long id : ids) {
        try {
          statement.execute("KILL " + id);
          killed++;
        } catch (SQLException gone) {
          // it ended by itself in the meantime
        }
      }
      return killed;
    }

    @AfterEach
    void dropOwnDatabase() throws SQLException {
      try (Connection own = database().newConnection();
          Statement statement = own.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + MARK);
      }
    }
  }
}
