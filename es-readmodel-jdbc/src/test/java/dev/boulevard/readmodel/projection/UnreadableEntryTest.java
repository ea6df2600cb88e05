package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.RawRows;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stored row that nothing can read parks a tracking projection on it, after the readable events
 * before it: the park names its position and stored type, {@code skip} goes on after it, and {@code
 * resume} reads it again (the table refuses updates, so what makes it readable is an upcaster in a
 * restarted app).
 */
class UnreadableEntryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(120)
  abstract static class Cases {

    private final JdbcProjectionEnvironment env;
    private Projections projections;
    private String model;
    private long bad;

    Cases(TestDatabase database) {
      this.env = new JdbcProjectionEnvironment(database);
    }

    @AfterEach
    void close() throws Exception {
      if (projections != null) {
        projections.close();
      }
      env.close();
    }

    /** Two readable events, a corrupt one, two more; a projection parked on the corrupt one. */
    private void parkedOnACorruptRow() throws Exception {
      env.store().append("a", deposits("a", 0, 2));
      bad =
          RawRows.insert(
                  env.database(),
                  env.eventTable(),
                  List.of(RawRows.Row.of("b", 0, "contract.deposited", 1, "[\"not\",\"an\",1]")))
              .get(0);
      env.store().append("c", deposits("c", 0, 2));
      model = env.model("ub");
      projections =
          env.projections()
              .add(
                  TrackingProjection.named("balances")
                      .readModel(model, Balance.class)
                      .projector(
                          models ->
                              new BalanceProjector(
                                  models.repository(model, Balance.class), message -> false)))
              .build();
      projections.start();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (projections.status("balances").parked().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }

    @Test
    void the_projection_parks_on_it_naming_its_position_and_type_after_the_events_before_it()
        throws Exception {
      parkedOnACorruptRow();

      ProjectionStatus status = projections.status("balances");
      assertThat(status.state()).isEqualTo(ProjectionState.PARKED);
      ParkedEvent parked = status.parked().orElseThrow();
      assertThat(parked.position()).isEqualTo(bad);
      assertThat(parked.eventType()).isEqualTo("contract.deposited");
      assertThat(parked.error())
          .contains("position " + bad)
          .contains("playhead 0 of aggregate 'b'");
      assertThat(status.checkpoint().position()).isLessThan(bad);
      var balances = projections.readModel(model, Balance.class);
      assertThat(balances.find("a")).map(Balance::total).contains(3L);
      assertThat(balances.find("c")).isEmpty();
    }

    @Test
    void skip_goes_on_after_it() throws Exception {
      parkedOnACorruptRow();

      projections.skip("balances", "the row is corrupt; the deposit was made again");

      assertThat(projections.awaitCheckpoint(env.log().head(), WAIT)).isTrue();
      var balances = projections.readModel(model, Balance.class);
      assertThat(balances.find("a")).map(Balance::total).contains(3L);
      assertThat(balances.find("b")).isEmpty();
      assertThat(balances.find("c")).map(Balance::total).contains(3L);
      assertThat(projections.status("balances").state()).isNotEqualTo(ProjectionState.PARKED);
    }

    @Test
    void resume_reads_it_again_and_parks_again_while_nothing_reads_it() throws Exception {
      parkedOnACorruptRow();
      ParkedEvent first = projections.status("balances").parked().orElseThrow();

      projections.resume("balances", "try again");

      long deadline = System.nanoTime() + WAIT.toNanos();
      while (projections.status("balances").parked().map(first::equals).orElse(true)
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      ParkedEvent again = projections.status("balances").parked().orElseThrow();
      assertThat(again.checkpoint()).isEqualTo(first.checkpoint());
      assertThat(again.parkedAt()).as("parked again after the resume").isAfter(first.parkedAt());
      assertThat(projections.readModel(model, Balance.class).find("c")).isEmpty();
    }
  }

  @Nested
  class OnH2 extends Cases {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends Cases {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Cases {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }
}
