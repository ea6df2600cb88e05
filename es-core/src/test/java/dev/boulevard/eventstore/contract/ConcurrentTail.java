package dev.boulevard.eventstore.contract;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writers on threads of their own, each appending to an aggregate of its own, and one tailing
 * reader.
 */
final class ConcurrentTail<S extends EventStore & GlobalEventLog> {

  private static final long TIMEOUT_SECONDS = 60;
  private static final int BATCH_SIZE = 50;

  private final S store;
  private final int writers;
  private final int eventsPerWriter;
  private final Map<String, List<DomainMessage>> written = new LinkedHashMap<>();

  ConcurrentTail(S store, int writers, int eventsPerWriter) {
    this.store = store;
    this.writers = writers;
    this.eventsPerWriter = eventsPerWriter;
  }

  /**
   * Starts the writers together and tails the log from its beginning on this thread until it has
   * read as many events as they write, checking that checkpoints only increase.
   *
   * @return the events read, in the order read
   */
  List<DomainMessage> run() throws Exception {
    var threads = Executors.newFixedThreadPool(writers);
    try {
      var startingLine = new StartingLine(writers);
      var writing = new LinkedHashMap<String, Future<List<DomainMessage>>>();
      for (int writer = 0; writer < writers; writer++) {
        var aggregateId = "writer-" + writer;
        writing.put(aggregateId, threads.submit(() -> write(aggregateId, startingLine)));
      }
      var read = tail(writers * eventsPerWriter);
      for (var writer : writing.entrySet()) {
        written.put(writer.getKey(), writer.getValue().get(TIMEOUT_SECONDS, SECONDS));
      }
      return read;
    } finally {
      threads.shutdownNow();
    }
  }

  /** {@return what each writer appended, by aggregate id, in append order} */
  Map<String, List<DomainMessage>> written() {
    return written;
  }

  private List<DomainMessage> write(String aggregateId, StartingLine startingLine)
      throws Exception {
    startingLine.await();
    var messages = new ArrayList<DomainMessage>(eventsPerWriter);
    for (int playhead = 0; playhead < eventsPerWriter; playhead++) {
      var stream = deposits(aggregateId, playhead, 1);
      store.append(aggregateId, stream);
      messages.addAll(stream.messages());
    }
    return messages;
  }

  private List<DomainMessage> tail(int expected) throws InterruptedException {
    var read = new ArrayList<DomainMessage>(expected);
    var checkpoint = Checkpoint.beginning();
    long deadline = System.nanoTime() + SECONDS.toNanos(TIMEOUT_SECONDS);
    while (read.size() < expected && System.nanoTime() < deadline) {
      var batch = store.read(checkpoint, BATCH_SIZE);
      for (var logged : batch) {
        assertThat(logged.checkpoint())
            .as("checkpoint after %s", checkpoint)
            .isGreaterThan(checkpoint);
        checkpoint = logged.checkpoint();
        read.add(logged.message());
      }
      if (batch.isEmpty()) {
        store.awaitEventsAfter(checkpoint, Duration.ofMillis(100));
      }
    }
    return read;
  }
}
