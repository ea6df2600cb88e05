package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.eventstore.EventVisitor;
import dev.boulevard.eventstore.FilteredBatch;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.UnreadableLogEntryException;
import dev.boulevard.eventstore.spi.ReadChecks;
import dev.boulevard.observation.WatermarkObserver;
import dev.boulevard.serializer.Serializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** The global log of a {@link JdbcEventStore}: batched reads, streaming and waiting. */
final class JdbcGlobalLog {

  static final int STREAM_BATCH = 500;

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final DialectSql sql;
  private final EventRows rows;
  private final LogVisits visits;
  private final long pollNanos;
  private final Wakeups wakeups = new Wakeups();
  private final WatermarkWatch watch;
  private final ThreadFactory threadFactory;
  private PostgresListener listener;
  private volatile PostgresNotifier notifier;
  private boolean closed;

  JdbcGlobalLog(
      Jdbi jdbi,
      DataSource dataSource,
      DialectSql sql,
      EventRows rows,
      Serializer serializer,
      Duration pollInterval,
      ThreadFactory threadFactory,
      WatermarkObserver watermarkObserver) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.sql = sql;
    this.rows = rows;
    this.visits = new LogVisits(this, sql, rows, serializer);
    this.pollNanos = pollInterval.toNanos();
    this.threadFactory = threadFactory;
    this.watch =
        sql instanceof PostgresSql postgres
            ? new WatermarkWatch(jdbi, postgres, watermarkObserver)
            : null;
  }

  /**
   * Wakes the readers of this process at once, and asks the notifier to tell those of other
   * processes; called after an append committed.
   */
  void appended() {
    wakeups.signal();
    PostgresNotifier started = notifier;
    if (started == null && sql instanceof PostgresSql postgres) {
      started = startNotifier(postgres);
    }
    if (started != null) {
      started.request();
    }
  }

  /** {@return the notifier, started by the first append; null once the store is closed} */
  private synchronized PostgresNotifier startNotifier(PostgresSql postgres) {
    if (notifier == null && !closed) {
      notifier = PostgresNotifier.start(dataSource, postgres.channel(), threadFactory);
    }
    return notifier;
  }

  List<LoggedMessage> read(Checkpoint after, int limit) {
    return read(after, limit, aggregate -> true).events();
  }

  FilteredBatch read(Checkpoint after, int limit, Predicate<String> aggregates) {
    Objects.requireNonNull(after, "after");
    if (limit < 1) {
      throw new IllegalArgumentException("A read's limit is 1 or more, was " + limit);
    }
    return query(
        "read the global log of",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql.readLog())) {
            sql.bindLogStart(statement, after);
            statement.setInt(sql.logLimitIndex(), limit);
            statement.setFetchSize(sql.fetchSize(limit));
            return logged(statement, after, limit, aggregates);
          }
        });
  }

  /**
   * Reads a batch of whole rows: a split row's pieces all fit, or the batch ends before it; and a
   * batch ends before an unreadable row, which fails only the read that starts with it.
   */
  private FilteredBatch logged(
      PreparedStatement statement, Checkpoint after, int limit, Predicate<String> aggregates)
      throws SQLException {
    var batch = new ArrayList<LoggedMessage>();
    Checkpoint readTo = after;
    int entries = 0;
    try (ResultSet rs = statement.executeQuery()) {
      EventRows.Columns columns = EventRows.Columns.of(rs);
      while (rs.next()) {
        Checkpoint checkpoint = sql.checkpoint(rs, columns.globalPosition());
        if (!aggregates.test(rs.getString(columns.aggregateId()))) {
          readTo = checkpoint; // left out unread: no payload is parsed, nothing can fail
          entries++;
          continue;
        }
        List<DomainMessage> pieces;
        try {
          pieces = rows.toMessages(rs, columns);
        } catch (UnreadableEventException e) {
          if (entries > 0) {
            break;
          }
          throw UnreadableLogEntryException.at(checkpoint, e.row().type(), e);
        }
        if (entries > 0 && entries + pieces.size() > limit) {
          break; // the next batch starts with this row, so no checkpoint falls inside it
        }
        pieces.forEach(message -> batch.add(new LoggedMessage(checkpoint, message)));
        readTo = checkpoint;
        entries += pieces.size();
      }
    }
    return new FilteredBatch(batch, readTo, entries);
  }

  Checkpoint head() {
    return query(
        "read the head of the global log of",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql.head());
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? sql.readHead(rs) : Checkpoint.beginning();
          }
        });
  }

  Optional<Checkpoint> checkpointAt(long position) {
    ReadChecks.requirePositivePosition(position);
    return query(
        "find a position in the global log of",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql.checkpointAt())) {
            statement.setLong(1, position);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next() ? Optional.of(sql.readHead(rs)) : Optional.<Checkpoint>empty();
            }
          }
        });
  }

  OptionalLong positionOf(String aggregateId, long playhead) {
    ReadChecks.requireReadable(aggregateId, playhead);
    return query(
        "find an event's position in",
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT global_position FROM "
                      + sql.table
                      + " WHERE aggregate_id = ? AND playhead = ?")) {
            statement.setString(1, aggregateId);
            statement.setLong(2, playhead);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
          }
        });
  }

  Stream<LoggedMessage> stream(Checkpoint after) {
    Objects.requireNonNull(after, "after");
    Checkpoint end = head();
    return LogBatches.stream(after, end, checkpoint -> read(checkpoint, STREAM_BATCH));
  }

  boolean awaitEventsAfter(Checkpoint after, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(after, "after");
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    startListening();
    long retry = 0; // after a wake-up that showed nothing: the next, shorter, look
    while (true) {
      long seen = wakeups.generation(); // taken first, so that a signal during the read counts
      if (head().isAfter(after)) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      if (watch != null) {
        watch.check();
      }
      if (wakeups.awaitAfter(seen, Math.min(left, retry > 0 ? retry : pollNanos))) {
        retry = FIRST_RETRY_NANOS;
      } else if (retry > 0) {
        retry = retry * 2 < pollNanos ? retry * 2 : 0;
      }
    }
  }

  /**
   * How soon a reader looks again after a wake-up showed it no event, doubling up to the poll
   * interval: an append that woke it may still be held back by an older open transaction
   * (PostgreSQL), which usually ends within milliseconds, and nothing wakes the reader when it
   * does.
   */
  private static final long FIRST_RETRY_NANOS = 1_000_000;

  private synchronized void startListening() {
    if (listener == null && sql instanceof PostgresSql postgres) {
      listener = PostgresListener.start(dataSource, postgres.channel(), wakeups, threadFactory);
    }
  }

  synchronized void close() {
    closed = true;
    if (listener != null) {
      listener.stop();
      listener = null;
    }
    if (notifier != null) {
      notifier.stop();
      notifier = null;
    }
  }

  void visit(Criteria criteria, EventVisitor visitor) {
    visits.visit(criteria, visitor);
  }

  <T> T query(String what, SqlWork<T> work) {
    try {
      return jdbi.withHandle(handle -> work.run(handle.getConnection()));
    } catch (SQLException | JdbiException e) {
      throw EventStoreException.storageFailure(what + " table " + sql.table, e);
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
