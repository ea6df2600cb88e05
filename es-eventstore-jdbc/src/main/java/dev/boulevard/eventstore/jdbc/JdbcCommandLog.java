package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.boulevard.auditing.CommandLog;
import dev.boulevard.auditing.CommandLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command log that inserts one row per command into a table, with the command written as JSON, on
 * PostgreSQL, MariaDB or H2 through Jdbi.
 *
 * <pre>{@code
 * JdbcSchema.commandLog(dataSource, JdbcCommandLog.DEFAULT_TABLE).migrate();
 * CommandLog log = JdbcCommandLog.builder(dataSource).build();
 * CommandBus bus = CommandLogger.around(new SimpleCommandBus(), log, clock);
 * }</pre>
 *
 * <p>Unlike {@link dev.boulevard.auditing.Slf4jCommandLog}, it stores the command's fields, which
 * may hold personal data or secrets; leave those out with Jackson annotations or a mapper of your
 * own. Each entry is inserted on a connection of its own, outside any transaction of the caller's,
 * so that a command whose work was rolled back is still recorded; inside a {@link JdbcUnitOfWork}
 * on the same data source, it joins that unit's transaction instead and commits with the command's
 * events ({@code CommandLogger.around(bus, log, clock, unitOfWork)} records a success there, and a
 * failure after the rollback, on its own). Thread-safe.
 */
public final class JdbcCommandLog implements CommandLog {

  /** The table a log uses unless another is named: {@value}. */
  public static final String DEFAULT_TABLE = "command_log";

  private static final Logger LOGGER = LoggerFactory.getLogger(JdbcCommandLog.class);

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final String table;
  private final CommandLogRows rows;
  private final ObjectWriter writer;
  private final Set<String> unserializable = ConcurrentHashMap.newKeySet();

  JdbcCommandLog(DataSource dataSource, String table, Dialect dialect, ObjectMapper mapper) {
    this.jdbi = Jdbi.create(dataSource);
    this.dataSource = dataSource;
    this.table = table;
    this.rows = new CommandLogRows(dialect, table);
    // A command without properties is stored as {} rather than not at all.
    this.writer = mapper.writer().without(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /**
   * {@return a builder of a log on the given database}
   *
   * @param dataSource the database, whose table {@link JdbcSchema} creates
   */
  public static JdbcCommandLogBuilder builder(DataSource dataSource) {
    return new JdbcCommandLogBuilder(dataSource);
  }

  /** {@return the name of the table this log writes to} */
  public String table() {
    return table;
  }

  /**
   * Inserts the entry, in the transaction of the {@link JdbcUnitOfWork} that this thread has open
   * on this log's data source, or else on a connection of its own and never throwing for a failure
   * to write it.
   *
   * <p>Inside a unit of work, the entry is part of the unit: a failure to write it throws a {@link
   * CommandLogException}, and the unit rolls back.
   *
   * <p>A failure to write the log must not hide the command's outcome, so when the database fails
   * or refuses the row, the entry is lost and the failure is logged at ERROR through SLF4J. A
   * command that Jackson cannot write is stored as {@code {"unserializable": "<class name>"}}, with
   * a WARN logged once per class. Errors longer than 16,000 characters are cut.
   */
  @Override
  public void record(CommandLogEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Optional<BoundTransaction> bound = BoundTransaction.on(dataSource);
    if (bound.isPresent()) {
      recordInUnitOfWork(bound.get().connection(), entry);
      return;
    }
    try {
      String json = json(entry.command());
      jdbi.useHandle(handle -> insert(handle.getConnection(), entry, json));
    } catch (SQLException | RuntimeException e) {
      if (StorageFailures.isTransient(e)) {
        // The database is away: one line per command, without a trace for each.
        LOGGER.warn(
            "Could not write {} to the command log in table {}: {}", entry, table, e.toString());
      } else {
        LOGGER.error("Could not write {} to the command log in table {}", entry, table, e);
      }
    }
  }

  /**
   * Inserts the entry in the unit of work's transaction, where a failure must undo the command: the
   * entry commits with the command's events or neither does.
   */
  private void recordInUnitOfWork(Connection connection, CommandLogEntry entry) {
    try {
      insert(connection, entry, json(entry.command()));
    } catch (SQLException e) {
      throw CommandLogException.dueTo("write " + entry + " to", table, e);
    }
  }

  /**
   * {@return at most the given number of the latest entries, newest first}
   *
   * @param limit how many entries at most; 0 or more
   * @throws IllegalArgumentException if the limit is negative
   * @throws CommandLogException if the table cannot be read
   */
  public List<StoredCommand> newest(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException(
          "limit of newest command log entries is negative: " + limit);
    }
    try {
      return jdbi.withHandle(handle -> newest(handle.getConnection(), limit));
    } catch (SQLException | JdbiException e) {
      throw CommandLogException.dueTo("read the newest entries of", table, e);
    }
  }

  private void insert(Connection connection, CommandLogEntry entry, String json)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(rows.insert())) {
      rows.bind(statement, entry, json);
      statement.executeUpdate();
    }
  }

  private List<StoredCommand> newest(Connection connection, int limit) throws SQLException {
    var newest = new ArrayList<StoredCommand>();
    try (PreparedStatement statement = connection.prepareStatement(rows.newest())) {
      statement.setInt(1, limit);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          newest.add(rows.read(rs));
        }
      }
    }
    return List.copyOf(newest);
  }

  private String json(Object command) {
    try {
      return writer.writeValueAsString(command);
    } catch (JsonProcessingException | RuntimeException e) {
      String type = command.getClass().getName();
      if (unserializable.add(type)) {
        LOGGER.warn(
            "Command {} cannot be written as JSON, so the command log in table {} stores only its"
                + " class name; logged once per class",
            type,
            table,
            e);
      }
      return JsonNodeFactory.instance.objectNode().put("unserializable", type).toString();
    }
  }
}
