package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps projection state in two tables beside the read models, {@code <table>} and {@code
 * <table>_decisions}, and moves checkpoints in the storage's current transaction.
 */
final class JdbcProjectionStore implements ProjectionStore {

  private static final int ERROR_LENGTH = 2000;

  private final JdbcReadModelStorage storage;
  private final String table;
  private final String decisions;

  JdbcProjectionStore(JdbcReadModelStorage storage, String table) {
    this.storage = storage;
    this.table = table; // checked by JdbcReadModelStorage.projectionStore
    this.decisions = table + "_decisions";
    ProjectionTables.create(storage, table, decisions);
  }

  @Override
  public List<Generation> load(String projection) {
    return run(
        "load projection " + projection,
        handle ->
            handle
                .createQuery(
                    "SELECT generation, live, commit_order, position, parked_commit_order,"
                        + " parked_position, parked_event_type, parked_error, parked_at FROM "
                        + table
                        + " WHERE name = ? ORDER BY generation")
                .bind(0, projection)
                .map(
                    (rs, ctx) -> {
                      long parkedPosition = rs.getLong("parked_position");
                      ParkedEvent parked =
                          rs.wasNull()
                              ? null
                              : new ParkedEvent(
                                  new Checkpoint(rs.getLong("parked_commit_order"), parkedPosition),
                                  rs.getString("parked_event_type"),
                                  rs.getString("parked_error"),
                                  Instant.parse(rs.getString("parked_at")));
                      return new Generation(
                          rs.getInt("generation"),
                          rs.getBoolean("live"),
                          new Checkpoint(rs.getLong("commit_order"), rs.getLong("position")),
                          parked);
                    })
                .list());
  }

  @Override
  public void createIfAbsent(String projection, int generation, boolean live) {
    try {
      run(
          "create projection " + projection,
          handle ->
              handle.execute(
                  "INSERT INTO "
                      + table
                      + " (name, generation, live, commit_order, position) VALUES (?, ?, ?, 0, 0)",
                  projection,
                  generation,
                  live));
    } catch (ReadModelException e) {
      if (!isUniqueViolation(e)) {
        throw e; // else another runner created it a moment ago
      }
    }
  }

  private static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean advance(String projection, int generation, Checkpoint expected, Checkpoint next) {
    return run(
        "move the checkpoint of projection " + projection,
        handle ->
            handle.execute(
                    "UPDATE "
                        + table
                        + " SET commit_order = ?, position = ? WHERE name = ? AND generation = ?"
                        + " AND commit_order = ? AND position = ?",
                    next.commitOrder(),
                    next.position(),
                    projection,
                    generation,
                    expected.commitOrder(),
                    expected.position())
                == 1);
  }

  @Override
  public void park(String projection, int generation, ParkedEvent parked) {
    if (parked == null) {
      run(
          "resume projection " + projection,
          handle ->
              handle.execute(
                  "UPDATE "
                      + table
                      + " SET parked_commit_order = NULL, parked_position = NULL,"
                      + " parked_event_type = NULL, parked_error = NULL, parked_at = NULL"
                      + " WHERE name = ? AND generation = ?",
                  projection,
                  generation));
      return;
    }
    run(
        "park projection " + projection,
        handle ->
            handle.execute(
                "UPDATE "
                    + table
                    + " SET parked_commit_order = ?, parked_position = ?, parked_event_type = ?,"
                    + " parked_error = ?, parked_at = ? WHERE name = ? AND generation = ?",
                parked.checkpoint().commitOrder(),
                parked.checkpoint().position(),
                parked.eventType(),
                clip(parked.error()),
                parked.parkedAt().toString(),
                projection,
                generation));
  }

  @Override
  public void promote(String projection, int generation, int retired) {
    storage.inTransaction(
        () ->
            run(
                "promote a rebuild of projection " + projection,
                handle -> {
                  handle.execute(
                      "UPDATE " + table + " SET live = ? WHERE name = ? AND generation = ?",
                      true,
                      projection,
                      generation);
                  return handle.execute(
                      "DELETE FROM " + table + " WHERE name = ? AND generation = ?",
                      projection,
                      retired);
                }));
  }

  @Override
  public void delete(String projection, int generation) {
    run(
        "forget a generation of projection " + projection,
        handle ->
            handle.execute(
                "DELETE FROM " + table + " WHERE name = ? AND generation = ?",
                projection,
                generation));
  }

  @Override
  public void record(ProjectionDecision decision) {
    ParkedEvent parked = decision.parked();
    run(
        "record a decision about projection " + decision.projection(),
        handle ->
            handle.execute(
                "INSERT INTO "
                    + decisions
                    + " (name, decision, commit_order, position, event_type, error, parked_at,"
                    + " reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                decision.projection(),
                decision.kind().name(),
                parked.checkpoint().commitOrder(),
                parked.checkpoint().position(),
                parked.eventType(),
                clip(parked.error()),
                parked.parkedAt().toString(),
                clip(decision.reason()),
                decision.decidedAt().toString()));
  }

  @Override
  public List<ProjectionDecision> decisions(String projection) {
    return run(
        "read the decisions about projection " + projection,
        handle ->
            handle
                .createQuery(
                    "SELECT decision, commit_order, position, event_type, error, parked_at,"
                        + " reason, decided_at FROM "
                        + decisions
                        + " WHERE name = ? ORDER BY id")
                .bind(0, projection)
                .map(
                    (rs, ctx) ->
                        new ProjectionDecision(
                            projection,
                            ProjectionDecision.Kind.valueOf(rs.getString("decision")),
                            new ParkedEvent(
                                new Checkpoint(rs.getLong("commit_order"), rs.getLong("position")),
                                rs.getString("event_type"),
                                rs.getString("error"),
                                Instant.parse(rs.getString("parked_at"))),
                            rs.getString("reason"),
                            Instant.parse(rs.getString("decided_at"))))
                .list());
  }

  private <R> R run(String what, Function<Handle, R> work) {
    try {
      return storage.inHandle(work);
    } catch (JdbiException e) {
      throw new ReadModelException("Could not " + what + " in table " + table + ": " + e, e);
    }
  }

  private static String clip(String text) {
    if (text.length() <= ERROR_LENGTH) {
      return text;
    }
    int end = ERROR_LENGTH - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never half a character: MariaDB refuses a lone surrogate
    }
    return text.substring(0, end) + "…";
  }
}
