package dev.boulevard.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.example.AccountEvent.AccountOpened;
import dev.boulevard.example.AccountEvent.MoneyDeposited;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.testing.ProjectorScenario;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's read-side example, compiled and run so that it stays true. */
class ReadmeReadModelExampleTest {

  @Test
  void a_deposit_raises_the_balance() {
    ProjectorScenario.forProjector(AccountBalanceProjector::new)
        .withAggregateId("acc-1")
        .given(new AccountOpened("acc-1", "Ada"))
        .when(new MoneyDeposited("acc-1", 100))
        .then(new AccountBalance("acc-1", "Ada", 100));
  }

  @Test
  void a_tracking_projection_serves_the_balances() throws Exception {
    var eventStore = new InMemoryEventStore();
    var storage = JdbcReadModelStorage.create(TestDatabase.H2.dataSource());
    String model = "readme_balances_" + ProcessHandle.current().pid();

    TrackingProjection balances =
        TrackingProjection.named("balances")
            .readModel(model, AccountBalance.class)
            .projector(
                models ->
                    new AccountBalanceProjector(models.repository(model, AccountBalance.class)));

    try (Projections projections =
        Projections.builder(eventStore, storage)
            .stateTable("readme_projections")
            .add(balances)
            .build()) {
      projections.start();
      ReadModelRepository<AccountBalance> view = projections.readModel(model, AccountBalance.class);

      var stream =
          DomainEventStream.of(
              List.of(
                  message(0, new AccountOpened("acc-1", "Ada")),
                  message(1, new MoneyDeposited("acc-1", 100))));
      long position = eventStore.append("acc-1", stream).position();

      assertThat(projections.awaitPosition(position, Duration.ofSeconds(5))).isTrue();
      assertThat(view.findBy("owner", "Ada"))
          .containsExactly(new AccountBalance("acc-1", "Ada", 100));
    } finally {
      storage.drop(model + "_1");
    }
  }

  private static DomainMessage message(long playhead, Object event) {
    return DomainMessage.recordNow("acc-1", playhead, Metadata.empty(), event, Clock.systemUTC());
  }
}
