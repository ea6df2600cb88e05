package dev.boulevard.readmodel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.projection.TallyProjector.Hook;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs four projections side by side while writers append: a steady one, two that fail at random
 * but always within the retry policy's attempts (one before its write, one after it), and one whose
 * projector throws on chosen poison events every time, which parks it until it is resumed or told
 * to skip. Nothing ever parks but the poison projection, and every event takes effect exactly once;
 * except that the in-memory storage, which is not transactional and promises only that a checkpoint
 * is stored after its writes, applies again exactly those events whose projector threw after
 * writing.
 */
@Tag("reliability")
class ThrowingProjectorTest {

  static final int SECONDS = ReliabilityReport.SECONDS;
  static final int ROUNDS = ReliabilityReport.ROUNDS;
  static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20));

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(900)
  abstract static class Cases {

    abstract ProjectionEnvironment createEnvironment();

    abstract String storage();

    @Test
    void transient_failures_never_park_and_poison_parks_resumes_and_skips_while_the_others_keep_up()
        throws Exception {
      try (ProjectionEnvironment env = createEnvironment()) {
        var steady = new TallyProjection("steady", env.model("ts"), account -> account);
        var before = new TallyProjection("flaky_before", env.model("tb"), account -> account);
        var after = new TallyProjection("flaky_after", env.model("ta"), account -> account);
        var poisoned = new TallyProjection("poison", env.model("tp"), account -> account);
        var flakyBefore = new FlakyHook(0.05, RETRY.attempts() - 1);
        var flakyAfter = new FlakyHook(0.05, RETRY.attempts() - 1);
        var poison = new PoisonHook();
        var serial = new AtomicLong();
        var writers = new DepositWriters(env.store(), 2, 10, 10, serial);
        var log = new LogCopy(env.log());
        try (Projections projections =
            env.projections()
                .batchSize(20)
                .retry(RETRY)
                .add(steady.tracking())
                .add(before.tracking(flakyBefore, Hook.NONE))
                .add(after.tracking(Hook.NONE, flakyAfter))
                .add(poisoned.tracking(poison, Hook.NONE))
                .build()) {
          projections.start();
          var rounds =
              new PoisonRounds(
                  projections,
                  poisoned,
                  poison,
                  List.of("steady", "flaky_before", "flaky_after"),
                  log);
          long started = System.nanoTime();
          writers.start();
          for (int round = 0; round < ROUNDS; round++) {
            rounds.run(round, env.store(), serial);
          }
          long left = SECONDS * 1_000_000_000L - (System.nanoTime() - started);
          Thread.sleep(Math.max(0, left / 1_000_000));
          long appended = writers.stop() + ROUNDS;
          double seconds = (System.nanoTime() - started) / 1e9;

          assertThat(log.awaitSize((int) appended, PoisonRounds.WAIT)).isTrue();
          assertThat(log.size()).isEqualTo(appended);
          assertThat(projections.awaitCheckpoint(log.last(), PoisonRounds.WAIT)).isTrue();
          var figures = new LinkedHashMap<String, Object>();
          figures.put("seconds", Math.round(seconds * 10) / 10.0);
          figures.put("events", appended);
          figures.put("transientFailures", flakyBefore.thrown() + flakyAfter.thrown());
          figures.put("transientBeforeWrite", flakyBefore.thrown());
          figures.put("transientAfterWrite", flakyAfter.thrown());
          var expected = new TallyFold(account -> account).upTo(log, log.size());
          var withoutSkipped =
              new TallyFold(account -> account, e -> !rounds.skipped.contains(e.aggregateId()))
                  .upTo(log, log.size());
          long lost = 0;
          long duplicated = 0;
          for (var exact :
              Map.of(steady, expected, before, expected, poisoned, withoutSkipped).entrySet()) {
            var difference = difference(projections, exact.getKey(), exact.getValue());
            assertThat(difference.none()).as("%s: %s", exact.getKey().name(), difference).isTrue();
            lost += difference.lost();
            duplicated += difference.duplicated();
          }
          var afterWrite = difference(projections, after, expected);
          assertThat(afterWrite.lost()).isZero();
          if (env.storage().isTransactional()) {
            assertThat(afterWrite.none()).as("flaky_after: %s", afterWrite).isTrue();
            duplicated += afterWrite.duplicated();
          } else {
            assertThat(afterWrite.duplicated()).isEqualTo(flakyAfter.thrown());
            figures.put("reappliedAsDocumented", afterWrite.duplicated());
          }
          assertThat(flakyBefore.thrown()).isPositive();
          assertThat(flakyAfter.thrown()).isPositive();
          checkDecisions(projections, rounds);
          figures.put("parks", rounds.parkedAt.size());
          figures.put("resumes", rounds.resumes);
          figures.put("skips", rounds.skipped.size());
          var lag = new LinkedHashMap<String, Long>();
          for (String name : List.of("steady", "flaky_before", "flaky_after")) {
            lag.put(name, projections.status(name).behind());
          }
          assertThat(lag.values()).containsOnly(0L);
          figures.put("lagAtEnd", lag);
          figures.put("lost", lost);
          figures.put("duplicated", duplicated);
          new ReliabilityReport("ThrowingProjectorTest", storage()).withAll(figures).publish();
        }
      }
    }

    private static TallyDifference difference(
        Projections projections, TallyProjection projection, Map<String, Tally> expected) {
      return TallyDifference.between(
          expected, projections.readModel(projection.model(), Tally.class).findAll());
    }

    /** Only the poison projection ever parked: a park is left only by a decision or a restart. */
    private static void checkDecisions(Projections projections, PoisonRounds rounds) {
      List<ProjectionDecision> decisions = projections.decisions("poison");
      assertThat(decisions).hasSize(ROUNDS);
      for (int round = 0; round < ROUNDS; round++) {
        assertThat(decisions.get(round).kind())
            .isEqualTo(
                round % 2 == 0 ? ProjectionDecision.Kind.RESUME : ProjectionDecision.Kind.SKIP);
        assertThat(decisions.get(round).parked().checkpoint())
            .isEqualTo(rounds.parkedAt.get(round).checkpoint());
      }
      for (String name : List.of("steady", "flaky_before", "flaky_after")) {
        assertThat(projections.decisions(name)).isEmpty();
        assertThat(projections.status(name).parked()).isEmpty();
      }
    }
  }

  @Nested
  class InMemory extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return ProjectionEnvironment.inMemory();
    }

    @Override
    String storage() {
      return "inmemory";
    }
  }

  @Nested
  class OnH2 extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.H2);
    }

    @Override
    String storage() {
      return "h2";
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.POSTGRESQL);
    }

    @Override
    String storage() {
      return "postgresql";
    }
  }

  @Nested
  class OnMariaDb extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.MARIADB);
    }

    @Override
    String storage() {
      return "mariadb";
    }
  }
}
