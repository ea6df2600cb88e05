package dev.boulevard.eventstore.jdbc;

import dev.boulevard.observation.WatermarkObserver;
import dev.boulevard.serializer.Serializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;

/** Builds a {@link JdbcEventStore}; not thread-safe. */
public final class JdbcEventStoreBuilder {

  private final DataSource dataSource;
  private final Serializer serializer;
  private String table = "events";
  private Dialect dialect;
  private int fetchSize = 500;
  private Duration pollInterval = Duration.ofMillis(250);
  private ThreadFactory threadFactory = PostgresListener::daemonThread;
  private final List<WatermarkObserver> watermarkObservers = new ArrayList<>();

  JdbcEventStoreBuilder(DataSource dataSource, Serializer serializer) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  /**
   * Sets the events table, so that a team can keep one table per aggregate type.
   *
   * @param table 1 to 40 letters, digits or underscores; {@code events} unless set
   * @return this builder
   */
  public JdbcEventStoreBuilder table(String table) {
    this.table = TableName.check(table);
    return this;
  }

  /** {@return this builder, set to the named dialect instead of detecting it} */
  public JdbcEventStoreBuilder dialect(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    return this;
  }

  /**
   * Sets how many rows the driver fetches per round trip when reading an aggregate, 500 unless set;
   * {@link JdbcEventStore#streamFromPlayhead} holds no more than this many rows in memory. On
   * MariaDB, whose server sends a whole result at once, reads take at most 50 rows at a time off
   * the connection, so that the rows that arrived are decoded while the rest are still coming.
   *
   * @param rows 1 or more
   * @return this builder
   */
  public JdbcEventStoreBuilder fetchSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("The fetch size is 1 or more, was " + rows);
    }
    this.fetchSize = rows;
    return this;
  }

  /**
   * Sets how often a tailing reader looks for new events when nothing wakes it; 250 ms unless set.
   *
   * @param interval the longest a waiting reader sleeps between looks
   * @return this builder
   */
  public JdbcEventStoreBuilder pollInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("The poll interval is positive, was " + interval);
    }
    this.pollInterval = interval;
    return this;
  }

  /**
   * Sets where the store's two PostgreSQL threads come from: the listener that wakes this process's
   * readers when another process appended, and the notifier that tells other processes of this
   * one's appends.
   *
   * @param threadFactory the factory; unless set, daemon threads named {@code
   *     boulevard-listen-<channel>} and {@code boulevard-notify-<channel>}
   * @return this builder
   */
  public JdbcEventStoreBuilder threadFactory(ThreadFactory threadFactory) {
    this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    return this;
  }

  /**
   * Adds one who hears how long tailing readers were held back at PostgreSQL's watermark, by older
   * transactions still open; on other databases nothing holds readers back and it hears nothing.
   * Observers added earlier hear first.
   *
   * @param observer hears each hold while it lasts and once it ended, as the readers' periodic
   *     check saw it
   * @return this builder
   */
  public JdbcEventStoreBuilder watermarkObserver(WatermarkObserver observer) {
    watermarkObservers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  /** {@return the store; detects the dialect now if it was not named} */
  public JdbcEventStore build() {
    if (dialect == null) {
      dialect = Dialect.detect(dataSource);
    }
    return new JdbcEventStore(this);
  }

  DataSource dataSource() {
    return dataSource;
  }

  Serializer serializer() {
    return serializer;
  }

  String table() {
    return table;
  }

  Dialect dialect() {
    return dialect;
  }

  int fetchSize() {
    return fetchSize;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  ThreadFactory threadFactory() {
    return threadFactory;
  }

  WatermarkObserver watermarkObserver() {
    return switch (watermarkObservers.size()) {
      case 0 -> null;
      case 1 -> watermarkObservers.get(0);
      default -> new WatermarkObservers(List.copyOf(watermarkObservers));
    };
  }
}
