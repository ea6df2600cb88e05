package dev.boulevard.wallet.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.wallet.domain.CreditKind;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.domain.WalletEvent;
import dev.boulevard.wallet.domain.WalletEvents;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills the wallet's event store with synthetic but valid wallet histories, to measure the app on a
 * large store: {@code java -jar wallet.jar seed --events 1000000 [database options]}. The histories
 * are made by the domain itself, each wallet's over 200 simulated days ending before now; the read
 * models catch up from them when the app next starts.
 */
final class Seed {

  /** Wallets appended per transaction. */
  private static final int WALLETS_PER_TRANSACTION = 200;

  private final JdbcEventStore store;
  private final Jdbi jdbi;
  private final String runId;
  private final Instant start;

  private Seed(HikariDataSource pool, Instant now) {
    JdbcSchema.eventStore(pool, WalletApp.EVENTS_TABLE).migrate();
    this.store =
        JdbcEventStore.builder(pool, new JacksonSerializer(WalletEvents.registry()))
            .table(WalletApp.EVENTS_TABLE)
            .build();
    this.jdbi = Jdbi.create(pool);
    this.runId = Long.toString(now.toEpochMilli() % 1_000_000_000L, 36);
    this.start = now.minus(Duration.ofDays(200));
  }

  /**
   * Appends at least the given number of events and prints progress.
   *
   * @param options the database to fill
   * @param events how many events to append, at least
   * @param out where progress goes
   */
  static void run(WalletOptions options, long events, PrintStream out) {
    try (HikariDataSource pool = WalletDatabase.open(options)) {
      var seed = new Seed(pool, Instant.now());
      long startedNanos = System.nanoTime();
      long appended = 0;
      long reported = 0;
      int wallet = 0;
      while (appended < events) {
        var batch = new ArrayList<DomainEventStream>(WALLETS_PER_TRANSACTION);
        for (int i = 0; i < WALLETS_PER_TRANSACTION && appended < events; i++) {
          DomainEventStream history = seed.history(wallet++);
          batch.add(history);
          appended += history.size();
        }
        seed.append(batch);
        if (appended - reported >= 100_000 || appended >= events) {
          reported = appended;
          double seconds = (System.nanoTime() - startedNanos) / 1e9;
          out.printf(
              "%,d events in %,d wallets, %.0f s, %,.0f events/s%n",
              appended, wallet, seconds, appended / seconds);
        }
      }
      seed.store.close();
    }
  }

  private void append(List<DomainEventStream> histories) {
    jdbi.useTransaction(
        handle -> {
          for (DomainEventStream history : histories) {
            store.append(handle, history.messages().get(0).aggregateId(), history);
          }
        });
  }

  /** One wallet's story: additions of each kind, spends, an expiry, more additions and spends. */
  DomainEventStream history(int number) {
    String userId = "seed-" + runId + "-" + number;
    var recorder = new Recorder(start.plusSeconds(number % 86_400));
    Wallet wallet = Wallet.create(userId, CreditKind.WALLET, 1_000, recorder.clock());
    recorder.take(wallet);
    List<Consumer<Clock>> steps =
        List.of(
            clock -> wallet.add(CreditKind.BONUS, 100, clock),
            clock -> wallet.add(CreditKind.REFUND, 50, clock),
            clock -> wallet.spendAcrossKinds(120, clock),
            clock -> wallet.spend(CreditKind.WALLET, 200, clock),
            clock -> wallet.add(CreditKind.BONUS, 30, clock),
            clock -> wallet.expire(clock),
            clock -> wallet.add(CreditKind.WALLET, 500, clock),
            clock -> wallet.spend(CreditKind.WALLET, 100, clock));
    for (int i = 0; i < steps.size(); i++) {
      // The expiry step comes 91 days on, after the BONUS and REFUND lots' 90 days.
      recorder.advance(i == 5 ? Duration.ofDays(91) : Duration.ofHours(6));
      steps.get(i).accept(recorder.clock());
      recorder.take(wallet);
    }
    return DomainEventStream.of(recorder.messages);
  }

  /** Gives each new event of the wallet a message recorded at the simulated time. */
  private static final class Recorder {
    private final List<DomainMessage> messages = new ArrayList<>();
    private Instant now;

    Recorder(Instant now) {
      this.now = now;
    }

    Clock clock() {
      return Clock.fixed(now, ZoneOffset.UTC);
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    void take(Wallet wallet) {
      List<WalletEvent> events = wallet.uncommittedEvents();
      for (int i = messages.size(); i < events.size(); i++) {
        messages.add(
            DomainMessage.recordNow(
                wallet.aggregateId(), i, Metadata.empty(), events.get(i), clock()));
      }
    }
  }
}
