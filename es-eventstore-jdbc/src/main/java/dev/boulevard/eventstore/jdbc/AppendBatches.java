package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the appends of one store in transactions of their own; where the dialect serializes appends
 * with a lock, the appends that this store's threads request while one is under way run together,
 * in one transaction that takes the lock once and commits once.
 *
 * <p>Appends that wait for the lock anyway gain nothing by waiting for it one by one: each would
 * hold it through a commit (an fsync on MariaDB) that the others then wait for. Run together, they
 * share one. The global log stays exact as before: the shared transaction takes the same database
 * lock before its first row and holds it until it commits, so positions are still taken and
 * committed in the same order, and other processes still take turns with it through that lock.
 *
 * <p>Each append stays all or nothing, and its failure its own: an append whose playhead another
 * writer took is refused by its continuation check before anything is written; a second append of
 * one aggregate runs alone after the batch; when any other statement fails, the shared transaction
 * rolls back and each of its appends runs again alone, as if there had been no other. When the
 * shared commit fails, every append in it fails with that failure, as a lone append's would.
 *
 * <p>No thread waits for another to take a lock only to return: the leader wakes each append of its
 * batch when it is answered, and passes the lead to the append that waited longest (a lock that
 * every waiter had to take in turn made 8 writers 3.7 times slower than with no batching).
 * Thread-safe.
 */
final class AppendBatches {

  private static final Logger LOG = LoggerFactory.getLogger(AppendBatches.class);

  /**
   * The most rows one shared transaction takes, unless one append alone has more; appends beyond
   * them wait for the next. One INSERT's worth: a batch of long streams gains little by sharing a
   * commit and loses much by growing, since its writers then serialize their next streams all at
   * once while the database idles, and insert while they idle (8 writers of 100-event streams on
   * MariaDB: 100 to 140 streams/s with batches of up to 1,000 rows, against 260 with none).
   */
  static final int MAX_ROWS = DialectSql.MAX_ROWS_PER_INSERT;

  private final DataSource dataSource;
  private final Appender appender;
  private final boolean together;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final ConcurrentLinkedQueue<QueuedAppend> waiting = new ConcurrentLinkedQueue<>();

  /**
   * @param together whether concurrent appends run in one transaction: where appends take a lock
   */
  AppendBatches(DataSource dataSource, Appender appender, boolean together) {
    this.dataSource = dataSource;
    this.appender = appender;
    this.together = together;
  }

  /**
   * Appends the rows in a transaction of their own or shared, and returns their last checkpoint.
   */
  Checkpoint append(List<EventRows.Row> rows) throws SQLException {
    if (!together) {
      return alone(rows);
    }
    if (waiting.isEmpty() && leading.compareAndSet(false, true)) {
      try {
        return alone(rows); // no other append waits: none to run together with, none to queue
      } finally {
        leading.set(false);
        wakeNext();
      }
    }
    QueuedAppend mine = new QueuedAppend(rows);
    waiting.add(mine);
    while (true) {
      if (leading.compareAndSet(false, true)) {
        try {
          if (!mine.answered()) {
            run(nextBatch()); // the leader runs every append waiting, its own among them
          }
        } finally {
          leading.set(false);
        }
        wakeNext();
      }
      if (mine.answered()) {
        return mine.outcome();
      }
      mine.await();
    }
  }

  /** Passes the lead to the append that waited longest, if one waits. */
  private void wakeNext() {
    QueuedAppend next = waiting.peek();
    if (next != null) {
      next.wake();
    }
  }

  /** {@return how many appends wait for a turn to run, for tests} */
  int waiting() {
    return waiting.size();
  }

  /** {@return whether a thread runs appends now, for tests} */
  boolean running() {
    return leading.get();
  }

  private List<QueuedAppend> nextBatch() {
    var batch = new ArrayList<QueuedAppend>();
    int rows = 0;
    for (QueuedAppend next = waiting.peek();
        next != null && (batch.isEmpty() || rows + next.rows.size() <= MAX_ROWS);
        next = waiting.peek()) {
      batch.add(waiting.poll());
      rows += next.rows.size();
    }
    return batch;
  }

  private void run(List<QueuedAppend> batch) {
    try {
      if (batch.size() == 1) {
        runAlone(batch.get(0));
      } else {
        runTogether(batch);
      }
    } finally {
      for (QueuedAppend request : batch) {
        request.failIfUnanswered(); // an Error in the middle: its waiters must not wait forever
      }
    }
  }

  private void runAlone(QueuedAppend request) {
    try {
      request.answer(alone(request.rows));
    } catch (SQLException | RuntimeException e) {
      request.fail(e);
    }
  }

  private Checkpoint alone(List<EventRows.Row> rows) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return appender.insertInOwnTransaction(connection, rows);
    }
  }

  /**
   * Runs the batch in one transaction, but a second append of one aggregate alone after it: two
   * appends of one stream in one INSERT would fail it for the others when they conflict.
   */
  private void runTogether(List<QueuedAppend> batch) {
    var shared = new ArrayList<QueuedAppend>(batch.size());
    var after = new ArrayList<QueuedAppend>();
    var aggregates = new HashSet<String>();
    for (QueuedAppend append : batch) {
      (aggregates.add(append.rows.get(0).aggregateId()) ? shared : after).add(append);
    }
    if (shared.size() == 1) {
      runAlone(shared.get(0));
    } else {
      runShared(shared);
    }
    after.forEach(this::runAlone);
  }

  private void runShared(List<QueuedAppend> batch) {
    try (Connection connection = dataSource.getConnection()) {
      SharedTransaction transaction = SharedTransaction.begin(connection, appender);
      SharedTransaction.Inserted inserted = transaction.insert(batch);
      if (inserted == null) {
        batch.stream() // a statement failed: each runs again, alone
            .filter(append -> !append.answered())
            .forEach(this::runAlone);
        return;
      }
      SQLException commitFailure = transaction.commit();
      for (int i = 0; i < inserted.appends().size(); i++) {
        if (commitFailure == null) {
          inserted.appends().get(i).answer(inserted.lasts().get(i));
        } else {
          inserted.appends().get(i).fail(shared(commitFailure, batch.size()));
        }
      }
    } catch (SQLException | RuntimeException e) {
      boolean stored = batch.stream().anyMatch(QueuedAppend::succeeded);
      for (QueuedAppend append : batch) {
        if (!append.answered()) {
          append.fail(shared(e, batch.size()));
        }
      }
      if (stored) {
        LOG.warn("Appended streams together, but could not close the connection", e);
      }
    }
  }

  /** One failure that several appends share, as an exception of each one's own. */
  private static SQLException shared(Exception failure, int appends) {
    String message =
        "The transaction that this append shared with "
            + (appends - 1)
            + " others failed: "
            + failure.getMessage();
    return failure instanceof SQLException sqlFailure
        ? new SQLException(message, sqlFailure.getSQLState(), sqlFailure.getErrorCode(), failure)
        : new SQLException(message, failure);
  }
}
