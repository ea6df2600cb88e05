package dev.boulevard.benchmarks;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a store's log with deposits spread over many aggregates, appended by several writers, so
 * that the log interleaves aggregates and transactions as a busy system's would.
 */
final class LogFiller {

  private LogFiller() {}

  /**
   * Appends {@code events} deposits, {@code events / aggregates} per aggregate, in streams of at
   * most {@code perAppend} events, from {@code writers} threads.
   */
  static void fill(JdbcEventStore store, int events, int aggregates, int perAppend, int writers)
      throws Exception {
    int perAggregate = events / aggregates;
    if (perAggregate * aggregates != events) {
      throw new IllegalArgumentException(events + " events do not split over " + aggregates);
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int a = writer; a < aggregates; a += writers) {
                    appendAggregate(store, "acc-" + a, perAggregate, perAppend);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void appendAggregate(JdbcEventStore store, String id, int events, int perAppend) {
    Clock clock = Clock.systemUTC();
    for (int first = 0; first < events; first += perAppend) {
      var messages = new ArrayList<DomainMessage>(perAppend);
      for (int playhead = first; playhead < Math.min(events, first + perAppend); playhead++) {
        messages.add(
            DomainMessage.recordNow(
                id, playhead, Metadata.empty(), new Deposited(id, playhead), clock));
      }
      store.append(id, DomainEventStream.of(messages));
    }
  }
}
