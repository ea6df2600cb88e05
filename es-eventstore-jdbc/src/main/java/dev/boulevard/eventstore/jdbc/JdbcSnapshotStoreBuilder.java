package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.util.Objects;

/** Builds a {@link JdbcSnapshotStore}; not thread-safe. */
public final class JdbcSnapshotStoreBuilder {

  private final JdbcEventStore events;
  private String table;
  private JacksonSerializer serializer;

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
   * Sets the mapper that writes and reads the states; the event store's serializer's unless set.
   *
   * @param mapper the mapper, copied; one with default typing activated is refused, and class names
   *     in stored data are never followed
   * @return this builder
   * @throws IllegalArgumentException if the mapper has default typing activated
   */
  public JdbcSnapshotStoreBuilder objectMapper(ObjectMapper mapper) {
    this.serializer =
        new JacksonSerializer(
            EventTypeRegistry.builder().build(), Objects.requireNonNull(mapper, "mapper"));
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
        events, name, serializer == null ? events.serializer() : serializer);
  }
}
