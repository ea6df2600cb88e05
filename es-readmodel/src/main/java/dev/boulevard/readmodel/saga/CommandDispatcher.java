package dev.boulevard.readmodel.saga;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.readmodel.projection.RetryPolicy;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox entries to a command bus, on a thread of its own or when asked: each entry is
 * claimed, dispatched with the causation of the event that sent it (and, if asked, as an idempotent
 * command keyed by the entry's id), and removed once the bus returns. A failure is tried again
 * after the retry policy's pause, by the clock, and kept after the last attempt.
 *
 * <p>Thread-safe: one delivery pass runs at a time, whichever thread asks for it.
 */
final class CommandDispatcher implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
  private static final int BATCH = 100;

  private final Outbox outbox;
  private final CommandCodec codec;
  private final CommandBus bus;
  private final String keyScope; // null: commands are sent without a key
  private final Clock clock;
  private final RetryPolicy retry;
  private final Duration poll;
  private final Duration lease;
  private final Object wakeUp = new Object();
  private boolean nudged;
  private final Object pass = new Object();
  private volatile boolean stopping;
  private volatile Thread thread;
  private final ThreadFactory threads;

  CommandDispatcher(
      Outbox outbox,
      CommandCodec codec,
      CommandBus bus,
      String keyScope,
      Clock clock,
      RetryPolicy retry,
      Duration poll,
      Duration lease,
      ThreadFactory threads) {
    this.outbox = outbox;
    this.codec = codec;
    this.bus = bus;
    this.keyScope = keyScope;
    this.clock = clock;
    this.retry = retry;
    this.poll = poll;
    this.lease = lease;
    this.threads = threads;
  }

  /** {@return the dispatcher's thread unless the builder was given a factory: a named daemon} */
  static Thread daemonThread(Runnable dispatcher) {
    Thread thread = new Thread(dispatcher, "boulevard-sagas-dispatcher");
    thread.setDaemon(true);
    return thread;
  }

  void start() {
    Thread started = threads.newThread(this);
    thread = started;
    started.start();
  }

  /** Asks for a delivery pass now rather than at the next poll. */
  void nudge() {
    synchronized (wakeUp) {
      nudged = true;
      wakeUp.notifyAll();
    }
  }

  void stop() throws InterruptedException {
    stopping = true;
    nudge();
    Thread running = thread;
    if (running != null && running != Thread.currentThread()) {
      running.join();
    }
  }

  @Override
  public void run() {
    while (!stopping) {
      try {
        deliverDue();
      } catch (RuntimeException e) {
        LOG.warn("Sagas could not read or update their outbox, retrying: {}", e.toString());
      }
      try {
        synchronized (wakeUp) {
          if (!nudged && !stopping) {
            wakeUp.wait(Math.max(1, poll.toMillis()));
          }
          nudged = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Delivers every entry due now, each at most once per call.
   *
   * @return how many were delivered
   */
  int deliverDue() {
    synchronized (pass) {
      Set<Long> tried = new HashSet<>();
      int delivered = 0;
      while (!(stopping && Thread.currentThread() == thread)) {
        List<OutboxEntry> due = outbox.due(clock.instant(), BATCH + tried.size());
        List<OutboxEntry> fresh = due.stream().filter(e -> !tried.contains(e.id())).toList();
        if (fresh.isEmpty()) {
          break;
        }
        for (OutboxEntry entry : fresh) {
          tried.add(entry.id());
          if (deliver(entry)) {
            delivered++;
          }
        }
      }
      return delivered;
    }
  }

  private boolean deliver(OutboxEntry entry) {
    Instant now = clock.instant();
    if (!outbox.claim(entry, now.plus(lease))) {
      return false; // cancelled, or claimed by another runner, since it was read
    }
    Object command;
    try {
      command = codec.decode(entry);
    } catch (RuntimeException e) {
      keep(entry, entry.attempts() + 1, e); // it would fail the same way every time
      return false;
    }
    try {
      Object sent =
          keyScope == null
              ? command
              : new IdempotentCommand(
                  IdempotencyKey.of(keyScope, Long.toString(entry.id())), command);
      entry.causation().runWith(() -> bus.dispatch(sent));
    } catch (RuntimeException | AssertionError e) {
      failed(entry, e);
      return false;
    }
    outbox.delivered(entry.id());
    return true;
  }

  private void failed(OutboxEntry entry, Throwable e) {
    int attempts = entry.attempts() + 1;
    if (attempts >= retry.attempts()) {
      keep(entry, attempts, e);
      return;
    }
    Instant next = clock.instant().plus(retry.pauseAfter(attempts));
    LOG.warn(
        "Command {} of process {} of {} failed (attempt {} of {}), trying again at {}: {}",
        entry.commandType(),
        entry.correlation(),
        entry.process(),
        attempts,
        retry.attempts(),
        next,
        e.toString());
    outbox.retryLater(entry.id(), attempts, next, e.toString());
  }

  private void keep(OutboxEntry entry, int attempts, Throwable e) {
    LOG.error(
        "Command {} of process {} of {} failed {} time(s) and is kept in the outbox as entry {},"
            + " undelivered: {}",
        entry.commandType(),
        entry.correlation(),
        entry.process(),
        attempts,
        entry.id(),
        e.toString());
    outbox.keep(entry.id(), attempts, e.toString());
  }
}
