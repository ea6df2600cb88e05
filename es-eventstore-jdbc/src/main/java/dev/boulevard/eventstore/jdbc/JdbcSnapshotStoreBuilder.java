package dev.boulevard.eventstore.jdbc;

import dev.boulevard.serializer.jackson.JacksonSnapshotSerializer;
import dev.boulevard.snapshotting.SnapshotSerializer;
import java.util.Objects;

/** Builds a {@link JdbcSnapshotStore}; not thread-safe. */
public final class JdbcSnapshotStoreBuilder {

  private final JdbcEventStore events;
  private String table;
  private SnapshotSerializer serializer;

  JdbcSnapshotStoreBuilder(JdbcEventStore events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Sets the snapshot table.
   *
   * @param table 1 to 40 letters, digits or underscores; the events table's name followed by {@code
   *     _snapshots} unless set
   * @return this builder
   * @throws IllegalArgumentException if the name is not a valid table name
   */
  public JdbcSnapshotStoreBuilder table(String table) {
    this.table = TableName.check(table);
    return this;
  }

  /**
   * Sets what writes and reads the states as JSON; a {@link JacksonSnapshotSerializer} with the
   * default mapper unless set, such as {@code new JacksonSnapshotSerializer(mapper)}.
   *
   * @param serializer the states' serializer
   * @return this builder
   */
  public JdbcSnapshotStoreBuilder serializer(SnapshotSerializer serializer) {
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    return this;
  }

  /**
   * {@return the store}
   *
   * @throws IllegalArgumentException if no table was named and the default name is too long
   */
  public JdbcSnapshotStore build() {
    String name = table;
    if (name == null) {
      name = events.sql().table + "_snapshots";
      if (name.length() > 40) {
        throw new IllegalArgumentException(
            "The default snapshot table name "
                + name
                + " is longer than 40 characters: name the table with table(...)");
      }
    }
    return new JdbcSnapshotStore(
        events, name, serializer == null ? new JacksonSnapshotSerializer() : serializer);
  }
}
