package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.EventStoreException;
import dev.boulevard.serializer.Serializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads every stored event through the current serializer and upcasters and replays every
 * aggregate, reporting each row or aggregate that fails instead of stopping at the first: the check
 * to run before a release that changes events, upcasters or aggregates.
 *
 * <p>It reads the table twice through a cursor, a fetch size of rows at a time: once in global
 * order, reading each row, and once in (aggregate id, playhead) order, replaying one aggregate at a
 * time with the factory that {@link AggregateFactories} picks. Memory stays bounded by the fetch
 * size, one aggregate's state and the reported failures. Thread-safe; each {@link #verify()} is a
 * run of its own.
 *
 * <pre>{@code
 * VerificationReport report = HistoryVerifier.builder(dataSource, serializer)
 *     .table("account_events")
 *     .aggregates(AggregateFactories.all(AggregateFactory.of(BankAccount::new)))
 *     .build()
 *     .verify();
 * System.out.println(report.describe());
 * }</pre>
 */
public final class HistoryVerifier {

  private final DataSource dataSource;
  private final DialectSql sql;
  private final EventRows rows;
  private final AggregateFactories aggregates;
  private final int fetchSize;
  private final int maxReported;

  private HistoryVerifier(Builder builder) {
    this.dataSource = builder.dataSource;
    Dialect dialect = builder.dialect == null ? Dialect.detect(dataSource) : builder.dialect;
    this.sql = DialectSql.of(dialect, builder.table);
    this.rows = new EventRows(sql, builder.serializer);
    this.aggregates = builder.aggregates;
    this.fetchSize = builder.fetchSize;
    this.maxReported = builder.maxReported;
  }

  /**
   * Starts building a verifier.
   *
   * @param dataSource where the events table lives
   * @param serializer the current serializer, with its upcasters
   * @return a builder for the table {@code events}, replaying no aggregate unless told how
   */
  public static Builder builder(DataSource dataSource, Serializer serializer) {
    return new Builder(dataSource, serializer);
  }

  /**
   * Reads every row and replays every aggregate.
   *
   * @return what was read and replayed, and every failure
   * @throws EventStoreException if the database fails, rather than a stored event
   */
  public VerificationReport verify() {
    var run = new VerificationRun(rows, aggregates, maxReported);
    scan("global_position", run::read);
    scan("aggregate_id, playhead", run::replay);
    return run.report();
  }

  private void scan(String order, VerificationRun.RowHandler handler) {
    String query = "SELECT " + DialectSql.COLUMNS + " FROM " + sql.table + " ORDER BY " + order;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // PostgreSQL's driver fetches in steps only in a transaction
      try (PreparedStatement statement = connection.prepareStatement(query)) {
        statement.setFetchSize(fetchSize);
        try (ResultSet rs = statement.executeQuery()) {
          EventRows.Columns columns = EventRows.Columns.of(rs);
          while (rs.next()) {
            handler.row(rs, columns);
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw EventStoreException.storageFailure("verify the events of table " + sql.table, e);
    }
  }

  /** Builds a {@link HistoryVerifier}; not thread-safe. */
  public static final class Builder {

    private final DataSource dataSource;
    private final Serializer serializer;
    private String table = "events";
    private Dialect dialect;
    private AggregateFactories aggregates = AggregateFactories.none();
    private int fetchSize = 500;
    private int maxReported = 1_000;

    private Builder(DataSource dataSource, Serializer serializer) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** {@return this builder, set to verify the named events table; {@code events} unless set} */
    public Builder table(String eventsTable) {
      this.table = TableName.check(eventsTable);
      return this;
    }

    /** {@return this builder, set to the named dialect instead of detecting it} */
    public Builder dialect(Dialect named) {
      this.dialect = Objects.requireNonNull(named, "dialect");
      return this;
    }

    /** {@return this builder, set to replay the aggregates that the factories pick} */
    public Builder aggregates(AggregateFactories factories) {
      this.aggregates = Objects.requireNonNull(factories, "factories");
      return this;
    }

    /**
     * Sets how many rows the driver fetches per round trip; 500 unless set.
     *
     * @param rows 1 or more
     * @return this builder
     */
    public Builder fetchSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("The fetch size is 1 or more, was " + rows);
      }
      this.fetchSize = rows;
      return this;
    }

    /**
     * Sets how many failures the report lists; it counts every failure. 1,000 unless set.
     *
     * @param failures 0 or more
     * @return this builder
     */
    public Builder maxReportedFailures(int failures) {
      if (failures < 0) {
        throw new IllegalArgumentException("The failures reported are 0 or more, was " + failures);
      }
      this.maxReported = failures;
      return this;
    }

    /** {@return the verifier; detects the dialect now if it was not named} */
    public HistoryVerifier build() {
      return new HistoryVerifier(this);
    }
  }
}
