package dev.boulevard.example;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.LogFollower;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.saga.Sagas;
import java.time.Duration;
import javax.sql.DataSource;

/** The samples of docs/read-models.md, compiled; ReadmeReadModelExampleTest runs the same code. */
final class ReadModelsGuide {

  /** Deposit money. */
  record Deposit(String accountId, long amount) {}

  void trackingProjection(
      InMemoryEventStore eventStore, DataSource dataSource, DomainEventStream stream)
      throws Exception {
    TrackingProjection balances =
        TrackingProjection.named("balances")
            .readModel("account_balances", AccountBalance.class)
            .projector(
                models ->
                    new AccountBalanceProjector(
                        models.repository("account_balances", AccountBalance.class)));

    try (Projections projections =
        Projections.builder(eventStore, JdbcReadModelStorage.create(dataSource))
            .add(balances)
            .build()) {
      projections.start();
      ReadModelRepository<AccountBalance> view =
          projections.readModel("account_balances", AccountBalance.class);
      long position = eventStore.append("acc-1", stream).position();
      projections.awaitPosition(position, Duration.ofSeconds(5)); // read your own writes
      view.findBy("owner", "Ada");
    }
  }

  void awaitOutcome(CommandBus commandBus, Projections projections, Sagas sagas)
      throws InterruptedException {
    DispatchResult result = commandBus.dispatch(new Deposit("acc-1", 100));
    AwaitOutcome outcome =
        LogFollower.all(projections, sagas).awaitOutcome(result.position(), Duration.ofSeconds(5));
    if (outcome instanceof AwaitOutcome.Stuck stuck) {
      // stuck.follower() is parked at stuck.position() (stuck.storedType()): stuck.error()
    }
  }
}
