package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One append waiting in {@link AppendBatches} for a thread to run it, and then its outcome.
 *
 * <p>Its own thread waits; the thread that runs it answers it once and wakes it. Thread-safe.
 */
final class QueuedAppend {

  final List<EventRows.Row> rows;
  private final Thread owner = Thread.currentThread();
  private Checkpoint last; // written before done is set, read after done is seen
  private Exception failure;
  private volatile boolean done;
  private volatile boolean woken;

  QueuedAppend(List<EventRows.Row> rows) {
    this.rows = rows;
  }

  boolean answered() {
    return done;
  }

  boolean succeeded() {
    return done && last != null;
  }

  void answer(Checkpoint checkpoint) {
    last = checkpoint;
    finish();
  }

  void fail(Exception e) {
    failure = e;
    finish();
  }

  void failIfUnanswered() {
    if (!done) {
      fail(new SQLException("The append's batch ended without an outcome for it"));
    }
  }

  private void finish() {
    done = true;
    if (owner != Thread.currentThread()) {
      LockSupport.unpark(owner);
    }
  }

  /** Wakes its thread to run the appends that wait, its own among them. */
  void wake() {
    woken = true;
    LockSupport.unpark(owner);
  }

  /**
   * Parks its thread until it is answered or woken. An interrupt does not end the wait, since
   * another thread may be running the append; it is kept for the caller to see.
   */
  void await() {
    boolean interrupted = false;
    while (!done && !woken) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    woken = false;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return the last checkpoint of the stored append} or throws its failure */
  Checkpoint outcome() throws SQLException {
    if (failure instanceof SQLException sqlFailure) {
      throw sqlFailure;
    }
    if (failure instanceof RuntimeException runtimeFailure) {
      throw runtimeFailure;
    }
    return last;
  }
}
