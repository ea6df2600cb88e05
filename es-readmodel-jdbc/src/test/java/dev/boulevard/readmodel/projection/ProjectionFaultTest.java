package dev.boulevard.readmodel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.MarkedConnections;
import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills the connections of three tracking projections at random moments, preferring those in the
 * middle of a batch, while writers keep appending: every event takes effect exactly once, no
 * checkpoint is ever ahead of its writes, and every projection catches up by itself.
 *
 * <p>The check while the kills go on: a sampler reads a projection's stored checkpoint C and its
 * whole read model in one read-only transaction of one consistent snapshot, so both are as one
 * commit left them. The test keeps its own copy of the log, in the log's order, and folds the
 * events up to and including C into the tallies the model must hold; any other model means the
 * checkpoint and its writes did not commit together (fewer events: the checkpoint ran ahead; more:
 * writes ran ahead). "Up to C" is a prefix of the log in (commit order, position) order, not the
 * events whose position is at most C's: on PostgreSQL the commit order is the writing transaction's
 * id, so an event with a lower position can follow one with a higher; on MariaDB the commit order
 * is the position itself. C must also be the checkpoint of an event of the log. Each event's amount
 * is unique, so that a miss and a repeat under one key cannot cancel out.
 */
@Tag("reliability")
class ProjectionFaultTest {

  static final int SECONDS = ReliabilityReport.SECONDS;
  static final int ROUNDS = ReliabilityReport.ROUNDS;
  static final Duration WAIT = Duration.ofSeconds(120 + 2L * SECONDS);

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(900)
  abstract static class Cases {

    abstract TestDatabase database();

    @Test
    void every_event_takes_effect_once_and_no_checkpoint_runs_ahead_while_connections_are_killed()
        throws Exception {
      database().dataSource(); // fails on CI, and skips loudly elsewhere, if it is unreachable
      var connections =
          new MarkedConnections(
              database(), "boulevard-projection-fault-" + ProcessHandle.current().pid());
      Set<Long> ids = connections.ids();
      try (HikariDataSource pool = connections.pool(8);
          var env = new JdbcProjectionEnvironment(database(), pool);
          JdbcEventStore writerStore =
              JdbcEventStore.builder(database().dataSource(), ProjectionEnvironment.SERIALIZER)
                  .table(env.eventTable())
                  .build();
          var killer = new ConnectionKiller(database(), ids);
          var sampler = new SnapshotSampler(database(), env.stateTable())) {
        List<TallyProjection> tracked =
            List.of(
                new TallyProjection("accounts", env.model("fa"), account -> account),
                new TallyProjection("writers", env.model("fw"), TallyProjector::writerOf),
                new TallyProjection("total", env.model("ft"), account -> "all"));
        ProjectionsBuilder builder =
            env.projections()
                .batchSize(25)
                .retry(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200)));
        tracked.forEach(p -> builder.add(p.tracking()));
        var log = new LogCopy(writerStore);
        var writers = new DepositWriters(writerStore, 2, 10, 2, new AtomicLong());
        try (Projections projections = builder.build()) {
          projections.start();
          var checks = new SampleChecks(sampler, log, projections, tracked);
          var sampling = new Thread(checks, "snapshot-sampler");
          sampling.setDaemon(true);
          long started = System.nanoTime();
          writers.start();
          sampling.start();
          killRepeatedly(killer, started);
          long appended = writers.stop();
          checks.stop(sampling);
          double seconds = (System.nanoTime() - started) / 1e9;

          assertThat(log.awaitSize((int) appended, WAIT)).isTrue();
          assertThat(log.size()).isEqualTo(appended);
          assertThat(projections.awaitCheckpoint(log.last(), WAIT)).isTrue();
          var differences = new LinkedHashMap<String, TallyDifference>();
          for (TallyProjection projection : tracked) {
            differences.put(
                projection.name(),
                TallyDifference.between(
                    new TallyFold(projection.key()).upTo(log, log.size()),
                    projections.readModel(projection.model(), Tally.class).findAll()));
          }
          report(seconds, appended, killer, checks, differences.values());

          for (TallyProjection projection : tracked) {
            ProjectionStatus status = projections.status(projection.name());
            assertThat(status.parked()).isEmpty();
            assertThat(status.state()).isNotEqualTo(ProjectionState.PARKED);
          }
          assertThat(differences)
              .allSatisfy(
                  (name, difference) ->
                      assertThat(difference.none()).as("%s: %s", name, difference).isTrue());
          assertThat(killer.kills).isPositive();
          assertThat(checks.samples).isPositive();
          assertThat(checks.ahead).isZero();
          assertThat(checks.behind).isZero();
          assertThat(checks.wrongSums).isZero();
          assertThat(checks.unknownCheckpoints).isZero();
        }
      }
    }

    private void killRepeatedly(ConnectionKiller killer, long started) throws Exception {
      int kills = ROUNDS * 10;
      long gap = SECONDS * 1000L / kills;
      for (int kill = 0; kill < kills; kill++) {
        Thread.sleep(ThreadLocalRandom.current().nextLong(2 * gap + 1));
        killer.killOne(Duration.ofMillis(200));
      }
      long left = SECONDS * 1_000_000_000L - (System.nanoTime() - started);
      if (left > 0) {
        Thread.sleep(left / 1_000_000);
      }
    }

    private void report(
        double seconds,
        long events,
        ConnectionKiller killer,
        SampleChecks checks,
        Collection<TallyDifference> differences)
        throws Exception {
      var figures = new LinkedHashMap<String, Object>();
      figures.put("seconds", Math.round(seconds * 10) / 10.0);
      figures.put("projections", 3);
      figures.put("events", events);
      figures.put("kills", killer.kills);
      figures.put("killsInTransaction", killer.inTransaction);
      figures.put("killsInWritingBatch", killer.writing);
      figures.put("samplesChecked", checks.samples);
      figures.put("retryingSeen", checks.retryingSeen);
      figures.put("lost", differences.stream().mapToLong(TallyDifference::lost).sum());
      figures.put("duplicated", differences.stream().mapToLong(TallyDifference::duplicated).sum());
      figures.put("ahead", checks.ahead);
      figures.put("behind", checks.behind);
      figures.put("unknownCheckpoints", checks.unknownCheckpoints);
      new ReliabilityReport("ProjectionFaultTest", database().name()).withAll(figures).publish();
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.POSTGRESQL;
    }
  }

  @Nested
  class OnMariaDb extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.MARIADB;
    }
  }
}
