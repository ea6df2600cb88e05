package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills the database connections of a projection again and again while it catches up: it recovers
 * by itself, and every event takes effect exactly once.
 */
class ProjectionConnectionKillTest {

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(180)
  abstract static class Cases {

    abstract TestDatabase database();

    /** Kills every other client connection to the test database; returns how many. */
    abstract int killOthers(Statement statement) throws SQLException;

    @Test
    void a_projection_whose_connections_are_killed_recovers_and_applies_each_event_once()
        throws Exception {
      try (var env = (ProjectionEnvironment.Jdbc) ProjectionEnvironment.on(database())) {
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
                .retry(ProjectionsTestCase.QUICK)
                .add(
                    TrackingProjection.named("balances")
                        .readModel(model, Balance.class)
                        .projector(
                            models ->
                                new BalanceProjector(
                                    models.repository(model, Balance.class),
                                    message ->
                                        slow.get()
                                            && ProjectionsTestCase.pause(Duration.ofMillis(1)))))
                .build();
        var kills = new AtomicInteger();
        var killer = new Thread(() -> killRepeatedly(projections, last, kills));
        try (projections) {
          projections.start();
          killer.start();
          killer.join();
          slow.set(false);

          assertThat(projections.awaitCheckpoint(last, ProjectionsTestCase.WAIT)).isTrue();

          assertThat(kills.get()).isPositive();
          List<Balance> balances =
              new ArrayList<>(projections.readModel(model, Balance.class).findAll());
          assertThat(balances)
              .hasSize(accounts)
              .allSatisfy(
                  b -> assertThat(b).isEqualTo(ProjectionsTestCase.complete(b.id(), events)));
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
    int killOthers(Statement statement) throws SQLException {
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                  + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                  + " AND backend_type = 'client backend'")) {
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

    @Override
    int killOthers(Statement statement) throws SQLException {
      var ids = new ArrayList<Long>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT id FROM information_schema.processlist"
                  + " WHERE db = DATABASE() AND id <> CONNECTION_ID() AND command <> 'Daemon'")) {
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
  }
}
