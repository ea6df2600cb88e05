package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.message;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads that keep appending deposits of unique amounts, each to accounts of its own ({@code
 * w<writer>-<account>}), until stopped; they count what was acknowledged.
 */
final class DepositWriters {

  private final EventStore store;
  private final int accounts;
  private final long pause;
  private final AtomicLong serial;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong appended = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopping;

  DepositWriters(EventStore store, int writers, int accounts, long pause, AtomicLong serial) {
    this.pause = pause;
    this.store = store;
    this.accounts = accounts;
    this.serial = serial;
    for (int writer = 0; writer < writers; writer++) {
      int w = writer;
      var thread = new Thread(() -> write("w" + w), "deposit-writer-" + w);
      thread.setDaemon(true); // a failed test must not leave it appending
      threads.add(thread);
    }
  }

  /** Appends deposits with the next unique amounts to an account; used for chosen events. */
  static DomainEventStream deposits(
      String account, long firstPlayhead, int count, AtomicLong serial) {
    var messages = new ArrayList<DomainMessage>(count);
    for (long playhead = firstPlayhead; playhead < firstPlayhead + count; playhead++) {
      messages.add(message(account, playhead, new Deposited(account, serial.incrementAndGet())));
    }
    return DomainEventStream.of(messages);
  }

  void start() {
    threads.forEach(Thread::start);
  }

  /** Stops the writers; {@return how many events were acknowledged} */
  long stop() throws InterruptedException {
    stopping = true;
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("A writer failed", failure.get());
    }
    return appended.get();
  }

  long appended() {
    return appended.get();
  }

  private void write(String writer) {
    var random = ThreadLocalRandom.current();
    long[] playheads = new long[accounts];
    try {
      while (!stopping) {
        int account = random.nextInt(accounts);
        int count = 1 + random.nextInt(3);
        store.append(
            writer + "-" + account,
            deposits(writer + "-" + account, playheads[account], count, serial));
        playheads[account] += count;
        appended.addAndGet(count);
        Thread.sleep(pause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.set(e);
    }
  }
}
