package dev.boulevard.readmodel.jdbc;

import dev.boulevard.correlation.Causation;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.OutboxEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps the outbox in a table beside the read models ({@link OutboxTable}); writes join the
 * storage's transaction on the calling thread, so a batch's commands commit with its checkpoint.
 */
final class JdbcOutbox implements Outbox {

  private static final String COLUMNS =
      "id, process_name, correlation, deadline_key, due_at, command_type, command,"
          + " correlation_id, causation_id, attempts, last_error";

  private final JdbcReadModelStorage storage;
  private final String table;

  JdbcOutbox(JdbcReadModelStorage storage, String table) {
    this.storage = storage;
    this.table = table;
    OutboxTable.create(storage, table);
  }

  @Override
  public void add(OutboxEntry e) {
    run(
        "add a command to",
        h ->
            h.execute(
                "INSERT INTO "
                    + table
                    + " (process_name, correlation, deadline_key, due_at, command_type, command,"
                    + " correlation_id, causation_id, attempts, kept)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                e.process(),
                e.correlation(),
                e.key(),
                micros(e.dueAt()),
                e.commandType(),
                e.command(),
                e.causation().correlationId(),
                e.causation().causationId(),
                false));
  }

  @Override
  public void removeKey(String process, String correlation, String key) {
    run(
        "cancel a command in",
        h ->
            h.execute(
                "DELETE FROM "
                    + table
                    + " WHERE process_name = ? AND correlation = ? AND deadline_key = ?"
                    + " AND kept = ?",
                process,
                correlation,
                key,
                false));
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    return select(
        " WHERE kept = ? AND due_at <= ? ORDER BY due_at, id LIMIT " + limit, false, micros(now));
  }

  @Override
  public boolean claim(OutboxEntry entry, Instant leaseUntil) {
    return run(
        "claim a command in",
        h ->
            h.execute(
                    "UPDATE " + table + " SET due_at = ? WHERE id = ? AND due_at = ? AND kept = ?",
                    micros(leaseUntil),
                    entry.id(),
                    micros(entry.dueAt()),
                    false)
                == 1);
  }

  @Override
  public void delivered(long id) {
    run(
        "remove a delivered command from",
        h -> h.execute("DELETE FROM " + table + " WHERE id = ?", id));
  }

  @Override
  public void retryLater(long id, int attempts, Instant dueAt, String error) {
    run(
        "reschedule a failed command in",
        h ->
            h.execute(
                "UPDATE " + table + " SET attempts = ?, due_at = ?, last_error = ? WHERE id = ?",
                attempts,
                micros(dueAt),
                Outbox.clip(error),
                id));
  }

  @Override
  public void keep(long id, int attempts, String error) {
    run(
        "keep a failed command in",
        h ->
            h.execute(
                "UPDATE " + table + " SET attempts = ?, last_error = ?, kept = ? WHERE id = ?",
                attempts,
                Outbox.clip(error),
                true,
                id));
  }

  @Override
  public List<OutboxEntry> pending() {
    return select(" WHERE kept = ? ORDER BY due_at, id", false);
  }

  /** {@return how many entries are pending, counted by the database} */
  @Override
  public long depth() {
    return run(
        "count the pending commands of",
        h ->
            h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE kept = :kept")
                .bind("kept", false)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<OutboxEntry> kept() {
    return select(" WHERE kept = ? ORDER BY id", true);
  }

  @Override
  public boolean release(long id, Instant dueAt) {
    return run(
        "release a kept command in",
        h ->
            h.execute(
                    "UPDATE "
                        + table
                        + " SET kept = ?, attempts = 0, due_at = ? WHERE id = ? AND kept = ?",
                    false,
                    micros(dueAt),
                    id,
                    true)
                == 1);
  }

  private List<OutboxEntry> select(String where, Object... arguments) {
    return run(
        "read",
        h ->
            h.select("SELECT " + COLUMNS + " FROM " + table + where, arguments)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  private static OutboxEntry row(ResultSet rs) throws SQLException {
    return new OutboxEntry(
        rs.getLong("id"),
        rs.getString("process_name"),
        rs.getString("correlation"),
        rs.getString("deadline_key"),
        instant(rs.getLong("due_at")),
        rs.getString("command_type"),
        rs.getString("command"),
        new Causation(rs.getString("correlation_id"), rs.getString("causation_id")),
        rs.getInt("attempts"),
        rs.getString("last_error"));
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private <R> R run(String what, Function<Handle, R> work) {
    try {
      return storage.inHandle(work);
    } catch (JdbiException e) {
      throw new ReadModelException("Could not " + what + " the outbox " + table + ": " + e, e);
    }
  }
}
