package dev.boulevard.eventstore.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Writers on threads of their own, released together to append the same playheads. */
final class PlayheadRace implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;

  private final EventStore store;
  private final String aggregateId;
  private final int writers;
  private final ExecutorService threads;

  PlayheadRace(EventStore store, String aggregateId, int writers) {
    this.store = store;
    this.aggregateId = aggregateId;
    this.writers = writers;
    this.threads = Executors.newFixedThreadPool(writers);
  }

  /**
   * Releases every writer at once to append the playhead and the one after it, checks that exactly
   * one won and that each of the others was refused, and returns what the winner appended.
   */
  DomainEventStream run(long playhead) throws Exception {
    var startingLine = new StartingLine(writers);
    var attempts = new ArrayList<Future<Attempt>>();
    for (int writer = 0; writer < writers; writer++) {
      var stream =
          DomainEventStream.of(
              message(aggregateId, playhead, new Deposited(aggregateId, writer)),
              message(aggregateId, playhead + 1, new Withdrawn(aggregateId, writer)));
      attempts.add(threads.submit(() -> attempt(startingLine, stream)));
    }
    var winners = new ArrayList<DomainEventStream>();
    for (var attempt : attempts) {
      var outcome = attempt.get(TIMEOUT_SECONDS, SECONDS);
      if (outcome.refusal() == null) {
        winners.add(outcome.stream());
      } else {
        assertThat(outcome.refusal().aggregateId()).isEqualTo(aggregateId);
        assertThat(outcome.refusal().playhead()).isEqualTo(playhead);
      }
    }
    assertThat(winners).as("writers that stored playhead %d", playhead).hasSize(1);
    return winners.get(0);
  }

  private Attempt attempt(StartingLine startingLine, DomainEventStream stream) throws Exception {
    startingLine.await();
    try {
      store.append(aggregateId, stream);
      return new Attempt(stream, null);
    } catch (DuplicatePlayheadException refusal) {
      return new Attempt(stream, refusal);
    }
  }

  /** Stops the writers' threads. */
  @Override
  public void close() {
    threads.shutdownNow();
  }

  private record Attempt(DomainEventStream stream, DuplicatePlayheadException refusal) {}
}
