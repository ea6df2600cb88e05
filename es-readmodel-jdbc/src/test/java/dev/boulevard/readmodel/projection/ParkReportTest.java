package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A park names the event's stored type, as operators see it in the table, not its Java class. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class ParkReportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final JdbcProjectionEnvironment env = new JdbcProjectionEnvironment(TestDatabase.H2);
  private Projections projections;

  @AfterEach
  void close() throws Exception {
    if (projections != null) {
      projections.close();
    }
    env.close();
  }

  @Test
  void the_park_and_the_wait_that_meets_it_name_the_stored_type() throws Exception {
    env.store().append("a", deposits("a", 0, 1));
    String model = env.model("pk");
    projections =
        env.projections()
            .retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)))
            .add(
                TrackingProjection.named("balances")
                    .readModel(model, Balance.class)
                    .projector(
                        models ->
                            new BalanceProjector(
                                models.repository(model, Balance.class), message -> true)))
            .build();
    projections.start();
    long position = env.store().positionOf("a", 0).orElseThrow();

    AwaitOutcome outcome = projections.awaitOutcome(position, WAIT);

    assertThat(outcome).isInstanceOf(AwaitOutcome.Stuck.class);
    AwaitOutcome.Stuck stuck = (AwaitOutcome.Stuck) outcome;
    assertThat(stuck.storedType()).isEqualTo("contract.deposited");
    ParkedEvent parked = projections.status("balances").parked().orElseThrow();
    assertThat(stuck)
        .isEqualTo(
            new AwaitOutcome.Stuck(
                "balances", parked.position(), parked.eventType(), parked.error()));
  }
}
