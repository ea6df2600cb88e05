package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code awaitPosition} on PostgreSQL, where a committed event stays unreadable while an older
 * transaction is open: the older transaction ends right after {@code checkpointAt} found nothing,
 * so that a head read after it already holds the event. The wait must still end once the event is
 * taken in, not at its timeout.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class AwaitPositionRaceTest {

  private final JdbcProjectionEnvironment env =
      new JdbcProjectionEnvironment(TestDatabase.POSTGRESQL);
  private Projections projections;

  @AfterEach
  void close() throws Exception {
    if (projections != null) {
      projections.close();
    }
    env.close();
  }

  @Test
  void a_transaction_that_ends_between_the_reads_of_the_wait_does_not_make_it_sleep_its_timeout()
      throws Exception {
    String model = env.model("ar");
    try (Connection held = env.database().dataSource().getConnection()) {
      held.setAutoCommit(false);
      try (Statement statement = held.createStatement()) {
        statement.execute("SELECT pg_current_xact_id()"); // an id older than the append's
      }
      env.store().append("a", deposits("a", 0, 1));
      long position = env.store().positionOf("a", 0).orElseThrow();
      projections =
          Projections.builder(new CommitAfterMiss(env.store(), held), env.storage())
              .stateTable(env.stateTable())
              .add(
                  TrackingProjection.named("balances")
                      .readModel(model, Balance.class)
                      .projector(
                          models ->
                              new BalanceProjector(
                                  models.repository(model, Balance.class), message -> false)))
              .build();
      projections.start();

      long started = System.nanoTime();
      boolean reached = projections.awaitPosition(position, Duration.ofSeconds(20));

      assertThat(reached).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertThat(projections.readModel(model, Balance.class).find("a")).isPresent();
    }
  }

  /** A log whose first {@code checkpointAt} that finds nothing commits the held transaction. */
  private static final class CommitAfterMiss implements GlobalEventLog {
    private final GlobalEventLog log;
    private Connection held;

    CommitAfterMiss(GlobalEventLog log, Connection held) {
      this.log = log;
      this.held = held;
    }

    @Override
    public synchronized Optional<Checkpoint> checkpointAt(long position) {
      Optional<Checkpoint> found = log.checkpointAt(position);
      if (found.isEmpty() && held != null) {
        try {
          held.commit();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
        held = null;
      }
      return found;
    }

    @Override
    public List<LoggedMessage> read(Checkpoint after, int limit) {
      return log.read(after, limit);
    }

    @Override
    public Stream<LoggedMessage> stream(Checkpoint after) {
      return log.stream(after);
    }

    @Override
    public Checkpoint head() {
      return log.head();
    }

    @Override
    public boolean awaitEventsAfter(Checkpoint after, Duration timeout)
        throws InterruptedException {
      return log.awaitEventsAfter(after, timeout);
    }
  }
}
