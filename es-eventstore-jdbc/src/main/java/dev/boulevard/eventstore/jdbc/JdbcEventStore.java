package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.Criteria;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.eventstore.EventStoreManagement;
import dev.boulevard.eventstore.EventVisitor;
import dev.boulevard.eventstore.FilteredBatch;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.spi.AppendChecks;
import dev.boulevard.eventstore.spi.ReadChecks;
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
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The relational event store: one table of events on PostgreSQL, MariaDB or H2, over any {@link
 * DataSource}, with Jdbi for reads and for appends in a caller's own transaction.
 *
 * <p>An append serializes every event first, then inserts them with one multi-row INSERT per 100
 * events in one plain JDBC transaction: a failure of any kind stores nothing. Loading an aggregate
 * is one query. The global log is exact on every dialect, at the cost {@link Dialect} describes.
 * Create the table with {@link JdbcSchema} or the SQL files shipped beside it.
 *
 * <p>Every read (loading, streaming, visiting, the global log) reads stored rows through the {@link
 * Serializer}, which upcasts each to the current version of its type (as a {@code
 * JacksonSerializer} does with its {@code Upcaster}s); an append writes each event in its type's
 * current version. A row that an upcaster splits gives several messages that share its playhead and
 * its checkpoint, and a batch of the global log never ends between them. Thread-safe; {@link
 * #close()} stops the PostgreSQL listener that wakes tailing readers.
 */
public final class JdbcEventStore
    implements EventStore, EventStoreManagement, GlobalEventLog, AutoCloseable {

  /** The longest aggregate id the events table holds. */
  public static final int MAX_ID_LENGTH = 255;

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final DialectSql sql;
  private final EventRows rows;
  private final int fetchSize;
  private final JdbcGlobalLog log;
  private final Appender appender;
  private final AppendBatches batches;
  private final Serializer serializer;

  JdbcEventStore(JdbcEventStoreBuilder builder) {
    this.jdbi = Jdbi.create(builder.dataSource());
    this.dataSource = builder.dataSource();
    this.sql = DialectSql.of(builder.dialect(), builder.table());
    this.serializer = builder.serializer();
    this.rows = new EventRows(sql, serializer);
    this.fetchSize = sql.fetchSize(builder.fetchSize());
    this.appender = new Appender(jdbi, sql, rows);
    this.batches = new AppendBatches(dataSource, appender, sql.lockForAppend() != null);
    this.log =
        new JdbcGlobalLog(
            jdbi,
            builder.dataSource(),
            sql,
            rows,
            builder.serializer(),
            builder.pollInterval(),
            builder.threadFactory(),
            builder.watermarkObserver());
  }

  /**
   * Starts building a store.
   *
   * @param dataSource where the events table lives
   * @param serializer turns events into JSON and back, upcasting older versions; the store writes
   *     metadata itself, as a JSON object of strings
   * @return a builder for the table {@code events}, with the dialect detected from the database
   */
  public static JdbcEventStoreBuilder builder(DataSource dataSource, Serializer serializer) {
    return new JdbcEventStoreBuilder(dataSource, serializer);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Inside a {@link JdbcUnitOfWork} on this store's data source, reads on its connection, in its
   * transaction.
   */
  @Override
  public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
    ReadChecks.requireReadable(aggregateId, playhead);
    try {
      Optional<BoundTransaction> bound = BoundTransaction.on(dataSource);
      if (bound.isPresent()) {
        return load(bound.get().connection(), aggregateId, playhead);
      }
      return jdbi.withHandle(handle -> load(handle.getConnection(), aggregateId, playhead));
    } catch (SQLException | JdbiException e) {
      throw EventStoreException.dueTo("load", aggregateId, e);
    }
  }

  private DomainEventStream load(Connection connection, String aggregateId, long playhead)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.load())) {
      statement.setFetchSize(fetchSize);
      statement.setString(1, aggregateId);
      statement.setLong(2, playhead);
      var messages = new ArrayList<DomainMessage>();
      try (ResultSet rs = statement.executeQuery()) {
        EventRows.Columns columns = EventRows.Columns.of(rs);
        while (rs.next()) {
          messages.addAll(rows.toMessages(rs, columns));
        }
      }
      return DomainEventStream.of(messages);
    }
  }

  /**
   * Streams the events of an aggregate from a playhead on, inclusive, holding only a fetch size of
   * rows in memory at a time, so that a history of any length can be read with flat memory.
   *
   * <p>The stream holds a connection and a read-only transaction until it is closed: close it, with
   * try-with-resources. Use {@link #loadFromPlayhead}, one round trip, for histories that fit in
   * memory.
   *
   * @param aggregateId the aggregate's id
   * @param playhead the first playhead to stream, 0 or more
   * @return the events at or after the playhead, lazily, in playhead order
   */
  public Stream<DomainMessage> streamFromPlayhead(String aggregateId, long playhead) {
    ReadChecks.requireReadable(aggregateId, playhead);
    Handle handle = jdbi.open();
    try {
      return HistoryCursor.open(handle, sql, rows, fetchSize, aggregateId, playhead);
    } catch (SQLException | RuntimeException e) {
      handle.close();
      throw e instanceof RuntimeException runtime
          ? runtime
          : EventStoreException.dueTo("stream", aggregateId, e);
    }
  }

  /**
   * Appends the events in a transaction of their own, all or nothing, or in the transaction of the
   * {@link JdbcUnitOfWork} that this thread has open on this store's data source, which commits
   * them or rolls them back.
   *
   * @throws DuplicatePlayheadException if a playhead is already taken; inside a unit of work, the
   *     unit must roll back (on PostgreSQL, the failed statement has aborted its transaction)
   */
  @Override
  public AppendResult append(String aggregateId, DomainEventStream stream) {
    List<EventRows.Row> serialized = serialize(aggregateId, stream);
    if (serialized.isEmpty()) {
      return AppendResult.nothing(aggregateId);
    }
    Optional<BoundTransaction> bound = BoundTransaction.on(dataSource);
    if (bound.isPresent()) {
      return appendInUnitOfWork(bound.get(), aggregateId, serialized);
    }
    Checkpoint last;
    try {
      last = batches.append(serialized);
    } catch (SQLException e) {
      throw appender.translate(aggregateId, serialized, e);
    }
    log.appended();
    return appended(aggregateId, serialized, last);
  }

  private AppendResult appendInUnitOfWork(
      BoundTransaction bound, String aggregateId, List<EventRows.Row> serialized) {
    Checkpoint last;
    try {
      last = appender.insert(bound.connection(), serialized);
    } catch (SQLException e) {
      throw appender.translate(aggregateId, serialized, e);
    }
    bound.afterCommit(log::appended);
    return appended(aggregateId, serialized, last);
  }

  /**
   * {@return units of work on this store's data source, whose transactions this store's appends and
   * loads join, as does a {@link JdbcCommandLog} on the same data source}
   */
  public JdbcUnitOfWork unitOfWork() {
    return JdbcUnitOfWork.on(dataSource);
  }

  /**
   * Appends the events inside the caller's own transaction, so that the caller's own tables change
   * atomically with the events; the caller commits or rolls back.
   *
   * <p>Tailing readers are woken when the handle commits; a commit made on the handle's JDBC
   * connection instead of through the handle reaches them at their next poll.
   *
   * @param handle a Jdbi handle with an open transaction on this store's database
   * @param aggregateId the aggregate's id
   * @param stream the events to append
   * @return the last playhead stored and its global position, which readers of the log reach once
   *     the caller commits; {@link AppendResult#nothing(String)} for an empty stream
   * @throws DuplicatePlayheadException if a playhead is already taken; the caller must roll back
   */
  public AppendResult append(Handle handle, String aggregateId, DomainEventStream stream) {
    Objects.requireNonNull(handle, "handle");
    if (!handle.isInTransaction()) {
      throw new IllegalStateException(
          "append(Handle, ...) needs a handle with an open transaction");
    }
    List<EventRows.Row> serialized = serialize(aggregateId, stream);
    if (serialized.isEmpty()) {
      return AppendResult.nothing(aggregateId);
    }
    Checkpoint last;
    try {
      last = appender.insert(handle.getConnection(), serialized);
    } catch (SQLException | JdbiException e) {
      throw appender.translate(aggregateId, serialized, e);
    }
    handle.afterCommit(log::appended);
    return appended(aggregateId, serialized, last);
  }

  /** {@return the runner of this store's appends, for tests} */
  AppendBatches batches() {
    return batches;
  }

  private static AppendResult appended(
      String aggregateId, List<EventRows.Row> serialized, Checkpoint last) {
    return new AppendResult(aggregateId, serialized.get(serialized.size() - 1).playhead(), last);
  }

  private List<EventRows.Row> serialize(String aggregateId, DomainEventStream stream) {
    AppendChecks.requireAppendable(aggregateId, stream);
    if (aggregateId.length() > MAX_ID_LENGTH) {
      // Refused here because a MariaDB server that is not in strict mode would cut it silently.
      throw new IllegalArgumentException(
          "Aggregate id '"
              + aggregateId.substring(0, 40)
              + "...' is "
              + aggregateId.length()
              + " characters long; the JDBC store keeps ids of up to "
              + MAX_ID_LENGTH);
    }
    return stream.stream().map(rows::toRow).toList();
  }

  @Override
  public void visitEvents(Criteria criteria, EventVisitor visitor) {
    log.visit(
        Objects.requireNonNull(criteria, "criteria"), Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A batch ends between stored rows only: a row that an upcaster splits into more events than
   * {@code limit} is returned whole, so that a checkpoint never falls between its pieces.
   */
  @Override
  public List<LoggedMessage> read(Checkpoint after, int limit) {
    return log.read(after, limit);
  }

  /**
   * Reads a batch of the global log, reading back only the rows of the aggregates the filter keeps:
   * the others' payloads and metadata are not deserialized.
   */
  @Override
  public FilteredBatch read(Checkpoint after, int limit, Predicate<String> aggregates) {
    Objects.requireNonNull(aggregates, "aggregates");
    return log.read(after, limit, aggregates);
  }

  @Override
  public Stream<LoggedMessage> stream(Checkpoint after) {
    return log.stream(after);
  }

  @Override
  public Checkpoint head() {
    return log.head();
  }

  @Override
  public Optional<Checkpoint> checkpointAt(long position) {
    return log.checkpointAt(position);
  }

  /**
   * {@return the name under which the serializer stores the event's class, as operators know it}
   */
  @Override
  public String storedTypeOf(DomainMessage message) {
    Class<?> type = message.payloadType();
    return serializer.typeNameOf(type).orElseGet(type::getName);
  }

  /**
   * Finds the global position of a stored event, committed or not yet readable in the log, so that
   * a caller can tell its clients which position to wait for. The writer of an event has no need of
   * it: {@link #append} returns the position; this is for events that others stored.
   *
   * @param aggregateId the aggregate
   * @param playhead the event's playhead
   * @return the position, or empty if no such event is stored
   * @throws EventStoreException if the database fails
   */
  public OptionalLong positionOf(String aggregateId, long playhead) {
    return log.positionOf(aggregateId, playhead);
  }

  @Override
  public boolean awaitEventsAfter(Checkpoint after, Duration timeout) throws InterruptedException {
    return log.awaitEventsAfter(after, timeout);
  }

  /** Stops the PostgreSQL listener, if one was started; the store can still be used, polling. */
  @Override
  public void close() {
    log.close();
  }

  // For JdbcSnapshotStore, which reads this store's events together with its snapshots.

  Jdbi jdbi() {
    return jdbi;
  }

  DialectSql sql() {
    return sql;
  }

  EventRows rows() {
    return rows;
  }

  /** {@return the fetch size of aggregate reads: the builder's, or fewer where the dialect says} */
  int fetchSize() {
    return fetchSize;
  }
}
