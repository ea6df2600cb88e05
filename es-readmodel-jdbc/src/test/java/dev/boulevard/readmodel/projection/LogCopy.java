package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test's own copy of the global log, in the log's order, read as it grows: each event's
 * checkpoint, aggregate and amount, the truth that read models are checked against. Thread-safe.
 */
final class LogCopy {

  /** One event of the log. */
  record Entry(Checkpoint checkpoint, String aggregateId, long amount) {}

  private final GlobalEventLog log;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();

  LogCopy(GlobalEventLog log) {
    this.log = log;
  }

  /** Reads what the log has added since the last call; {@return how many events it now holds} */
  synchronized int catchUp() {
    Checkpoint after = last();
    for (List<LoggedMessage> batch = log.read(after, 1000);
        !batch.isEmpty();
        batch = log.read(after, 1000)) {
      for (LoggedMessage logged : batch) {
        String account = names.computeIfAbsent(logged.message().aggregateId(), id -> id);
        long amount = ((Deposited) logged.message().payload()).amount();
        entries.add(new Entry(logged.checkpoint(), account, amount));
      }
      after = last();
    }
    return entries.size();
  }

  /** Reads until the copy holds at least a number of events; {@return whether it does} */
  boolean awaitSize(int events, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (catchUp() < events) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      log.awaitEventsAfter(last(), Duration.ofMillis(200));
    }
    return true;
  }

  /**
   * {@return how many events lie at or before a checkpoint, or -1 if the checkpoint is neither the
   * beginning nor the checkpoint of an event in the copy}
   */
  synchronized int countUpTo(Checkpoint checkpoint) {
    if (checkpoint.equals(Checkpoint.beginning())) {
      return 0;
    }
    int low = 0;
    int high = entries.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = entries.get(middle).checkpoint().compareTo(checkpoint);
      if (order == 0) {
        return middle + 1;
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return -1;
  }

  /** {@return the first event of an aggregate in the copy, if it holds one} */
  synchronized Optional<Entry> first(String aggregateId) {
    return entries.stream().filter(entry -> entry.aggregateId().equals(aggregateId)).findFirst();
  }

  synchronized Entry get(int index) {
    return entries.get(index);
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized Checkpoint last() {
    return entries.isEmpty()
        ? Checkpoint.beginning()
        : entries.get(entries.size() - 1).checkpoint();
  }
}
