package dev.boulevard.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.testing.ProjectorScenario;
import dev.boulevard.readmodel.testing.ReadModels;
import dev.boulevard.saga.CorrelationKey;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.testing.ProcessManagerScenario;
import java.time.Duration;

/** The samples of docs/testing.md that are fragments, with stand-ins for the guide's names. */
final class TestingGuide {

  record CreditsAdded(String userId, long amount) {}

  record CreditsSpent(String userId, long amount) {}

  record CreditsExpired(String userId) {}

  record Credits(String id, long amount) implements ReadModel {}

  /** Keeps each user's credits. */
  static final class CreditsProjector extends Projector {
    CreditsProjector(ReadModelRepository<Credits> credits) {
      on(
          CreditsAdded.class,
          (added, message) -> credits.save(change(credits, added.userId(), added.amount())));
      on(
          CreditsSpent.class,
          (spent, message) -> credits.save(change(credits, spent.userId(), -spent.amount())));
      on(
          CreditsExpired.class,
          (expired, message) -> credits.save(new Credits(expired.userId(), 0)));
    }

    private static Credits change(ReadModelRepository<Credits> credits, String id, long amount) {
      long now = credits.find(id).map(Credits::amount).orElse(0L);
      return new Credits(id, now + amount);
    }
  }

  record Opened(String account, String owner) {}

  record Deposited(String account, long amount) {}

  record Balance(String id, long amount) implements ReadModel {}

  record Entry(String id, String account, long amount) implements ReadModel {}

  /** Writes a balance per account and an entry per deposit. */
  static final class LedgerProjector extends Projector {
    LedgerProjector(ReadModelRepository<Balance> balances, ReadModelRepository<Entry> entries) {
      on(Opened.class, (opened, message) -> balances.save(new Balance(opened.account(), 0)));
      on(
          Deposited.class,
          (deposited, message) -> {
            Balance balance = balances.find(message.aggregateId()).orElseThrow();
            balances.save(new Balance(balance.id(), balance.amount() + deposited.amount()));
            entries.save(
                new Entry(
                    message.aggregateId() + "/" + message.playhead(),
                    message.aggregateId(),
                    deposited.amount()));
          });
    }
  }

  record OrderPlaced(String orderId) {}

  record CancelOrder(String orderId) {}

  /** Cancels an order that is not paid within a day. */
  static final class PaymentDeadline extends ProcessManager<String> {
    PaymentDeadline() {
      super("payment_deadline", String.class);
      on(
          OrderPlaced.class,
          CorrelationKey.aggregateId(),
          (state, placed, context) -> {
            context.schedule(
                "cancel",
                context.message().recordedOn().plus(Duration.ofDays(1)),
                new CancelOrder(placed.orderId()));
            return placed.orderId();
          });
    }
  }

  void processManager() {
    ProcessManagerScenario.of(new PaymentDeadline())
        .withAggregateId("order-1")
        .given(new OrderPlaced("order-1"))
        .whenTimePasses(Duration.ofHours(23))
        .thenDispatched()
        .whenTimePasses(Duration.ofHours(1))
        .thenDispatched(new CancelOrder("order-1"))
        .thenEnded("order-1");
  }

  void projector() {
    ProjectorScenario.forProjector(CreditsProjector::new)
        .withAggregateId("u-1")
        .given(new CreditsAdded("u-1", 100))
        .when(new CreditsSpent("u-1", 30))
        .then(new Credits("u-1", 70));
  }

  void severalReadModels() {
    ProjectorScenario.forReadModels(
            models ->
                new LedgerProjector(
                    models.repository(Balance.class), models.repository(Entry.class)))
        .withAggregateId("a")
        .given(new Opened("a", "Ada"), new Deposited("a", 5))
        .when(new Deposited("a", 7))
        .then(Balance.class, new Balance("a", 12))
        .then(Entry.class, new Entry("a/1", "a", 5), new Entry("a/2", "a", 7))
        .thenRepository(Entry.class, entries -> assertThat(entries.findAll()).hasSize(2));
  }

  void aRealRepository(ReadModelRepository<Balance> jdbcBalances) {
    ReadModels models = ReadModels.inMemory().with(Balance.class, jdbcBalances);
    ProjectorScenario.forReadModels(
        models, m -> new LedgerProjector(m.repository(Balance.class), m.repository(Entry.class)));
  }

  void time() {
    var scenario = ProjectorScenario.forProjector(CreditsProjector::new);
    scenario.given(new CreditsAdded("u-1", 100));
    scenario.clock().advance(Duration.ofDays(31));
    scenario.when(new CreditsExpired("u-1")).then(new Credits("u-1", 0));
  }
}
