package dev.boulevard.readmodel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Appends one poison event per round and checks that its projection parks at it, naming it, while
 * the other projections go past it; then resumes after curing it (even rounds) or skips it (odd
 * rounds) and checks that exactly that event took effect, or exactly that one did not.
 */
final class PoisonRounds {

  static final Duration WAIT = Duration.ofSeconds(120 + 2L * ReliabilityReport.SECONDS);

  private final Projections projections;
  private final TallyProjection poisoned;
  private final PoisonHook poison;
  private final List<String> others;
  private final LogCopy log;
  final List<LogCopy.Entry> parkedAt = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();
  int resumes;

  PoisonRounds(
      Projections projections,
      TallyProjection poisoned,
      PoisonHook poison,
      List<String> others,
      LogCopy log) {
    this.projections = projections;
    this.poisoned = poisoned;
    this.poison = poison;
    this.others = others;
    this.log = log;
  }

  void run(int round, EventStore store, AtomicLong serial) throws InterruptedException {
    String account = "poison-" + round;
    DomainEventStream stream = DepositWriters.deposits(account, 0, 1, serial);
    DomainMessage message = stream.messages().get(0);
    poison.add(message.eventId());
    store.append(account, stream);

    eventually(() -> status().parked().isPresent(), "the park at " + account);
    ParkedEvent parked = status().parked().orElseThrow();
    eventually(() -> log.catchUp() > 0 && log.first(account).isPresent(), account + " in the log");
    LogCopy.Entry entry = log.first(account).orElseThrow();
    assertThat(parked.checkpoint()).isEqualTo(entry.checkpoint());
    String storedType =
        store instanceof GlobalEventLog stored
            ? stored.storedTypeOf(message)
            : Deposited.class.getName();
    assertThat(parked.eventType()).isEqualTo(storedType); // "contract.deposited" on JDBC
    assertThat(parked.error()).contains("Poison event " + message.eventId());
    Checkpoint head = log.last(); // later events too: the writers keep appending
    for (String other : others) {
      eventually(
          () -> !head.isAfter(projections.status(other).checkpoint()),
          other + " past " + account + ", up to the head");
    }
    assertThat(status().parked()).contains(parked);
    parkedAt.add(entry);

    boolean resume = round % 2 == 0;
    if (resume) {
      poison.cure(message.eventId());
      projections.resume(poisoned.name(), "cured " + account);
      resumes++;
    } else {
      projections.skip(poisoned.name(), "skipping " + account);
      skipped.add(account);
    }
    eventually(
        () -> {
          ProjectionStatus status = status();
          return status.parked().isEmpty() && !entry.checkpoint().isAfter(status.checkpoint());
        },
        poisoned.name() + " past " + account);
    Optional<Tally> tally = projections.readModel(poisoned.model(), Tally.class).find(account);
    if (resume) {
      assertThat(tally).contains(Tally.empty(account).plus(entry.amount()));
    } else {
      assertThat(tally).isEmpty();
    }
  }

  private ProjectionStatus status() {
    return projections.status(poisoned.name());
  }

  static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + WAIT + " in vain for " + what);
      }
      Thread.sleep(10);
    }
  }
}
