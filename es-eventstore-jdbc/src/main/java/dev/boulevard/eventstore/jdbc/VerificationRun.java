package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The state of one {@link HistoryVerifier#verify()}: counts, failures, the aggregate replaying. */
final class VerificationRun {

  /** Handles the current row of a result set. */
  @FunctionalInterface
  interface RowHandler {
    void row(ResultSet rs, EventRows.Columns columns) throws SQLException;
  }

  private final EventRows rows;
  private final AggregateFactories aggregates;
  private final int maxReported;
  private final List<VerificationFailure> failures = new ArrayList<>();
  private long failureCount;
  private long rowsRead;
  private long eventsRead;
  private long replayed;
  private long skipped;

  private String aggregateId; // the aggregate being replayed, null before the first row
  private EventSourcedAggregateRoot<?> aggregate; // null when skipped, failed or not started
  private boolean settled; // skipped or failed: its remaining rows are passed over

  VerificationRun(EventRows rows, AggregateFactories aggregates, int maxReported) {
    this.rows = rows;
    this.aggregates = aggregates;
    this.maxReported = maxReported;
  }

  /** Reads one row in global order, counting it and its events or its failure. */
  void read(ResultSet rs, EventRows.Columns columns) throws SQLException {
    rowsRead++;
    try {
      eventsRead += rows.toMessages(rs, columns).size();
    } catch (UnreadableEventException e) {
      fail(VerificationFailure.Kind.EVENT, e.row(), e.getCause());
    }
  }

  /** Replays one row in (aggregate id, playhead) order into its aggregate. */
  void replay(ResultSet rs, EventRows.Columns columns) throws SQLException {
    String id = rs.getString(columns.aggregateId());
    if (!id.equals(aggregateId)) {
      finishAggregate();
      aggregateId = id;
    }
    if (settled) {
      return;
    }
    try {
      DomainEventStream pieces = DomainEventStream.of(rows.toMessages(rs, columns));
      if (aggregate == null) {
        start(id, pieces);
      } else {
        aggregate.initializeState(pieces);
      }
    } catch (UnreadableEventException e) {
      fail(VerificationFailure.Kind.AGGREGATE, e.row(), e.getCause());
    } catch (RuntimeException e) {
      fail(VerificationFailure.Kind.AGGREGATE, rowOf(rs), e);
    }
  }

  private void start(String id, DomainEventStream pieces) {
    DomainMessage first = pieces.messages().get(0);
    Optional<AggregateFactory<?>> factory = aggregates.factoryFor(id, first);
    if (factory.isEmpty()) {
      skipped++;
      settled = true;
    } else {
      aggregate = factory.get().create(id, pieces);
    }
  }

  private void finishAggregate() {
    if (aggregate != null && !settled) {
      replayed++;
    }
    aggregate = null;
    settled = false;
  }

  private void fail(
      VerificationFailure.Kind kind, UnreadableEventException.StoredRow row, Throwable error) {
    if (kind == VerificationFailure.Kind.AGGREGATE) {
      settled = true;
    }
    failureCount++;
    if (failures.size() < maxReported) {
      failures.add(
          new VerificationFailure(
              kind,
              row.position(),
              row.aggregateId(),
              row.playhead(),
              row.type(),
              row.version(),
              error.getClass().getSimpleName() + ": " + error.getMessage()));
    }
  }

  private static UnreadableEventException.StoredRow rowOf(ResultSet rs) throws SQLException {
    return new UnreadableEventException.StoredRow(
        rs.getLong("global_position"),
        rs.getString("aggregate_id"),
        rs.getLong("playhead"),
        rs.getString("event_type"),
        rs.getInt("event_version"));
  }

  VerificationReport report() {
    finishAggregate();
    return new VerificationReport(rowsRead, eventsRead, replayed, skipped, failureCount, failures);
  }
}
