package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.AggregateIds;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.snapshotting.LoadedHistory;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotSerializer;
import dev.boulevard.snapshotting.StoredSnapshot;
import dev.boulevard.snapshotting.TailLoadingSnapshotStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps the latest snapshot of each aggregate of a {@link JdbcEventStore} in a table beside its
 * events, with the state written as JSON by a {@link SnapshotSerializer} (Jackson's unless the
 * builder sets another).
 *
 * <pre>{@code
 * JdbcSchema.snapshots(dataSource, "account_snapshots").migrate();
 * var snapshots = JdbcSnapshotStore.builder(eventStore).table("account_snapshots").build();
 * }</pre>
 *
 * <p>A state is read only as the class its aggregate's snapshot format names, never as a class
 * named in the stored data. {@link #loadWithTail} reads the latest snapshot and the events after it
 * in one query, so that a {@link dev.boulevard.snapshotting.SnapshottingRepository} loads an
 * aggregate in one round trip. Create the table with {@link JdbcSchema}. Thread-safe.
 */
public final class JdbcSnapshotStore implements TailLoadingSnapshotStore {

  private final JdbcEventStore events;
  private final Jdbi jdbi;
  private final SnapshotSql sql;
  private final SnapshotSerializer serializer;

  JdbcSnapshotStore(JdbcEventStore events, String table, SnapshotSerializer serializer) {
    this.events = events;
    this.jdbi = events.jdbi();
    this.sql = new SnapshotSql(table, events.sql());
    this.serializer = serializer;
  }

  /**
   * {@return a builder of a snapshot store beside the given event store's table}
   *
   * @param events the event store whose aggregates are snapshotted
   */
  public static JdbcSnapshotStoreBuilder builder(JdbcEventStore events) {
    return new JdbcSnapshotStoreBuilder(events);
  }

  /** {@return the name of the table the snapshots are kept in} */
  public String table() {
    return sql.table();
  }

  @Override
  public EventStore eventStore() {
    return events;
  }

  @Override
  public Optional<StoredSnapshot> latest(String aggregateId) {
    AggregateIds.requireValid(aggregateId);
    try {
      return jdbi.withHandle(handle -> latest(handle.getConnection(), aggregateId));
    } catch (SQLException | JdbiException e) {
      throw failure("read the snapshot of", aggregateId, e);
    }
  }

  private Optional<StoredSnapshot> latest(Connection connection, String aggregateId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.latest())) {
      statement.setString(1, aggregateId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new JsonSnapshot(
                aggregateId,
                rs.getLong("playhead"),
                rs.getInt("state_version"),
                rs.getString("state"),
                serializer));
      }
    }
  }

  /**
   * Stores the snapshot unless one at a higher playhead is stored, in one statement.
   *
   * @throws IllegalArgumentException if the aggregate id is longer than the table holds
   * @throws dev.boulevard.serializer.SerializationException if the state cannot be written as JSON
   * @throws EventStoreException if the database fails
   */
  @Override
  public void save(Snapshot<?> snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (snapshot.aggregateId().length() > JdbcEventStore.MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "Aggregate id '"
              + snapshot.aggregateId().substring(0, 40)
              + "...' is too long for a snapshot: the JDBC store keeps ids of up to "
              + JdbcEventStore.MAX_ID_LENGTH
              + " characters");
    }
    String json = serializer.serialize(snapshot.state());
    try {
      jdbi.useHandle(handle -> upsert(handle.getConnection(), snapshot, json));
    } catch (SQLException | JdbiException e) {
      throw failure("save the snapshot of", snapshot.aggregateId(), e);
    }
  }

  private void upsert(Connection connection, Snapshot<?> snapshot, String json)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (PreparedStatement statement = connection.prepareStatement(sql.upsert())) {
        statement.setString(1, snapshot.aggregateId());
        statement.setLong(2, snapshot.playhead());
        statement.setInt(3, snapshot.version());
        statement.setString(4, json);
        statement.executeUpdate();
        return;
      } catch (SQLException e) {
        // H2's MERGE can lose a race to insert the first row of an aggregate; then it updates.
        if (attempt > 1 || !sql.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  /** Reads the latest snapshot and the events after it, or every event, in one query. */
  @Override
  public LoadedHistory loadWithTail(String aggregateId) {
    AggregateIds.requireValid(aggregateId);
    try {
      return jdbi.withHandle(handle -> loadWithTail(handle.getConnection(), aggregateId));
    } catch (SQLException | JdbiException e) {
      throw failure("load the snapshot and events of", aggregateId, e);
    }
  }

  private LoadedHistory loadWithTail(Connection connection, String aggregateId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.latestWithTail())) {
      statement.setFetchSize(events.fetchSize());
      statement.setString(1, aggregateId);
      statement.setString(2, aggregateId);
      statement.setString(3, aggregateId);
      StoredSnapshot snapshot = null;
      var tail = new ArrayList<DomainMessage>();
      try (ResultSet rs = statement.executeQuery()) {
        EventRows.Columns columns = EventRows.Columns.of(rs);
        while (rs.next()) {
          if (rs.getInt("part") == 0) {
            snapshot =
                new JsonSnapshot(
                    aggregateId,
                    rs.getLong("playhead"),
                    rs.getInt("state_version"),
                    rs.getString("payload"),
                    serializer);
          } else if (snapshot == null || rs.getLong("playhead") > snapshot.playhead()) {
            tail.addAll(events.rows().toMessages(rs, columns)); // the snapshot's row comes first
          }
        }
      }
      DomainEventStream stream = DomainEventStream.of(tail);
      return snapshot == null
          ? new LoadedHistory.FromStart(stream)
          : new LoadedHistory.FromSnapshot(snapshot, stream);
    }
  }

  private EventStoreException failure(String operation, String aggregateId, Exception e) {
    return EventStoreException.storageFailure(
        operation + " aggregate '" + aggregateId + "' in table " + sql.table(), e);
  }
}
