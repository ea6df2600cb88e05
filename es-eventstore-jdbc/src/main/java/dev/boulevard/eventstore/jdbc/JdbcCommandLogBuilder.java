package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.util.Objects;
import javax.sql.DataSource;

/** Builds a {@link JdbcCommandLog}; not thread-safe. */
public final class JdbcCommandLogBuilder {

  private final DataSource dataSource;
  private String table = JdbcCommandLog.DEFAULT_TABLE;
  private Dialect dialect;
  private ObjectMapper mapper;

  JdbcCommandLogBuilder(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Sets the log's table.
   *
   * @param table 1 to 40 letters, digits or underscores; {@link JdbcCommandLog#DEFAULT_TABLE}
   *     unless set
   * @return this builder
   * @throws IllegalArgumentException if the name is not a valid table name
   */
  public JdbcCommandLogBuilder table(String table) {
    this.table = TableName.check(table);
    return this;
  }

  /** {@return this builder, set to the named dialect instead of detecting it} */
  public JdbcCommandLogBuilder dialect(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    return this;
  }

  /**
   * Sets the mapper that writes commands as JSON; {@link JacksonMappers#defaults()} unless set.
   *
   * @param mapper the mapper; changes made to it after {@link #build()} do not apply
   * @return this builder
   */
  public JdbcCommandLogBuilder objectMapper(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return this;
  }

  /**
   * {@return the log; detects the dialect now if it was not named}
   *
   * @throws dev.boulevard.eventstore.EventStoreException if the dialect must be detected and no
   *     connection can be made
   */
  public JdbcCommandLog build() {
    return new JdbcCommandLog(
        dataSource,
        table,
        dialect == null ? Dialect.detect(dataSource) : dialect,
        mapper == null ? JacksonMappers.defaults() : mapper);
  }
}
