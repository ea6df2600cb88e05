package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the tailing readers of other processes that appends committed: one {@code NOTIFY} at a
 * time, on a connection of its own, after the appends' commits and outside their transactions.
 *
 * <p>PostgreSQL lets the commits of transactions that notified go one at a time (they take a lock
 * on the notification queue at commit). Notifying inside the appends' transactions therefore made
 * concurrent appends commit one by one. Here the appends only raise a flag; this thread sends one
 * notification for all the appends that committed since its last one, at most one every {@link
 * #SPACING_NANOS}, and the first after a quiet spell at once.
 */
final class PostgresNotifier implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresNotifier.class);

  /** The shortest time between two notifications: what a reader's wake-up may be late by. */
  static final long SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /** How long the connection is kept after the last notification, for the next burst. */
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final DataSource dataSource;
  private final String channel;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final Thread thread;
  private volatile boolean running = true;
  private Connection connection;
  private Statement notify;
  private boolean failing;

  private PostgresNotifier(DataSource dataSource, String channel, ThreadFactory threads) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.thread = threads.newThread(this);
  }

  static PostgresNotifier start(DataSource dataSource, String channel, ThreadFactory threads) {
    var notifier = new PostgresNotifier(dataSource, channel, threads);
    notifier.thread.start();
    return notifier;
  }

  /** {@return the channel it notifies} */
  String channel() {
    return channel;
  }

  /** Asks for a notification soon; cheap, and never blocks the appending thread. */
  void request() {
    if (pending.compareAndSet(false, true)) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public void run() {
    try {
      while (running) {
        if (!pending.getAndSet(false)) {
          long idleSince = System.nanoTime();
          while (running && !pending.get()) {
            LockSupport.parkNanos(this, IDLE_NANOS);
            if (!pending.get() && System.nanoTime() - idleSince >= IDLE_NANOS) {
              release();
            }
          }
          continue;
        }
        send();
        // Appends that commit from now on are told of by the next notification, not earlier.
        long until = System.nanoTime() + SPACING_NANOS;
        for (long left = SPACING_NANOS; running && left > 0; left = until - System.nanoTime()) {
          LockSupport.parkNanos(this, left);
        }
      }
    } finally {
      release();
    }
  }

  private void send() {
    try {
      if (connection == null) {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        notify = connection.createStatement();
      }
      // PostgreSQL gives a notifying transaction an id, which holds tailing readers back until
      // it ends. Not waiting for the disk, it ends within microseconds; a notification lost in a
      // crash costs nothing, readers poll. SET LOCAL leaves the pool's connection as it was.
      notify.execute(
          "SET LOCAL synchronous_commit TO OFF; SELECT pg_notify('" + channel + "', '')");
      connection.commit();
      if (failing) {
        failing = false;
        LOG.info("Notifying channel {} works again", channel);
      }
    } catch (SQLException | RuntimeException e) {
      release();
      if (!failing) {
        failing = true;
        LOG.warn(
            "Could not notify channel {}; readers in other processes poll until it works",
            channel,
            e);
      }
    }
  }

  private void release() {
    if (connection != null) {
      try {
        connection.rollback(); // nothing is open after a commit; after a failure, nothing stays
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        LOG.debug("Resetting the notifying connection of {} failed", channel, e);
      }
      try {
        connection.close(); // closes the statement too
      } catch (SQLException e) {
        LOG.debug("Closing the notifying connection of {} failed", channel, e);
      }
      connection = null;
      notify = null;
    }
  }

  void stop() {
    running = false;
    LockSupport.unpark(thread);
  }
}
