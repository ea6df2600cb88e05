package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs to the store's channel and wakes tailing readers when an append
 * commits, reconnecting after a failure.
 */
final class PostgresListener implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresListener.class);

  private final DataSource dataSource;
  private final String channel;
  private final Wakeups wakeups;
  private final Thread thread;
  private volatile boolean running = true;

  private PostgresListener(
      DataSource dataSource, String channel, Wakeups wakeups, ThreadFactory threads) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.wakeups = wakeups;
    this.thread = threads.newThread(this);
  }

  static PostgresListener start(
      DataSource dataSource, String channel, Wakeups wakeups, ThreadFactory threads) {
    var listener = new PostgresListener(dataSource, channel, wakeups, threads);
    listener.thread.start();
    return listener;
  }

  /** {@return a thread a store starts unless told otherwise: a daemon named after the channel} */
  static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "boulevard-listen");
    if (task instanceof PostgresListener postgres) {
      thread.setName("boulevard-listen-" + postgres.channel);
    } else if (task instanceof PostgresNotifier notifier) {
      thread.setName("boulevard-notify-" + notifier.channel());
    }
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void run() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        listen(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warn("Listening on channel {} failed; readers poll until it is back", channel, e);
          pause();
        }
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + channel);
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    wakeups.signal(); // anything committed while not listening is read now
    while (running) {
      PGNotification[] notifications = pg.getNotifications(500);
      if (notifications != null && notifications.length > 0) {
        wakeups.signal();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  void stop() {
    running = false;
    thread.interrupt();
  }
}
