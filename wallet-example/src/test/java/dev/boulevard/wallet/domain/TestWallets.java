package dev.boulevard.wallet.domain;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.testing.AggregateScenario;
import dev.boulevard.testing.CommandHandlerScenario;
import dev.boulevard.testing.TestClock;
import java.time.Duration;
import java.time.Instant;

/** What the wallet's tests share: the user, the start instant and the scenarios. */
final class TestWallets {

  static final String ALICE = "alice";
  static final Instant T0 = TestClock.DEFAULT_START;
  static final Duration NINETY_DAYS = Duration.ofDays(90);
  static final Duration ONE_MICRO = Duration.ofNanos(1_000);

  private TestWallets() {}

  /** {@return a scenario of the command handler on an in-memory store, for Alice's wallet} */
  static CommandHandlerScenario handlerScenario() {
    return CommandHandlerScenario.using(
            new InMemoryEventStore(),
            (store, bus, clock) ->
                new WalletCommandHandler(
                    EventSourcingRepository.builder(
                            Wallet.class, store, AggregateFactory.of(Wallet::new))
                        .eventBus(bus)
                        .clock(clock)
                        .build(),
                    clock))
        .withAggregateId(ALICE);
  }

  /** {@return a scenario of Alice's wallet on its own} */
  static AggregateScenario<Wallet> walletScenario() {
    return AggregateScenario.forAggregate(AggregateFactory.of(Wallet::new)).withAggregateId(ALICE);
  }

  /** {@return a wallet rebuilt from the given history, as a repository would} */
  static Wallet replay(WalletEvent... history) {
    var wallet = new Wallet[1];
    walletScenario().given((Object[]) history).thenAggregate(w -> wallet[0] = w);
    return wallet[0];
  }
}
