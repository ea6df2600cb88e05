package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Keeps projection state in four tables beside the read models: {@code <table>} (checkpoints and
 * parks), {@code <table>_decisions}, {@code <table>_leases} and {@code <table>_members}; it moves
 * checkpoints in the storage's current transaction. Lease and membership times are the database's
 * milliseconds since the epoch (on H2, which runs in the application's JVM, its clock's).
 */
final class JdbcProjectionStore implements ProjectionStore {

  private static final int ERROR_LENGTH = 2000;

  private final JdbcReadModelStorage storage;
  private final String table;
  private final String decisions;
  private final String leases;
  private final String members;

  JdbcProjectionStore(JdbcReadModelStorage storage, String table) {
    this.storage = storage;
    this.table = table; // checked by JdbcReadModelStorage.projectionStore
    this.decisions = table + "_decisions";
    this.leases = table + "_leases";
    this.members = table + "_members";
    ProjectionTables.create(storage, table);
  }

  /** {@return SQL for the database's time now, in milliseconds since the epoch} */
  private String now() {
    Dialect dialect = storage.dialect();
    if (dialect == Dialect.POSTGRESQL) {
      return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    }
    if (dialect == Dialect.MARIADB) {
      return "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
    }
    // H2 keeps CURRENT_TIMESTAMP for a whole transaction; it runs in this JVM, whose clock is its.
    return Long.toString(System.currentTimeMillis());
  }

  /**
   * Locks a lease's row in the current transaction, unless another transaction holds it: a batch
   * between its lease check and its commit, perhaps in a process that froze there. Taking, renewing
   * and releasing never wait on such a lock, which could last as long as the freeze; they try again
   * on the runner's next turn. On H2, whose transactions all live in this JVM, it waits as usual.
   *
   * @return the row's owner (or null), epoch and whether it is unexpired; empty if it is locked
   *     elsewhere or does not exist
   */
  private Optional<StoredLease> lockIfFree(Handle handle, String projection) {
    String skip = storage.dialect() == Dialect.H2 ? "" : " SKIP LOCKED";
    return handle
        .createQuery(
            "SELECT owner, epoch, CASE WHEN expires_at > "
                + now()
                + " THEN 1 ELSE 0 END AS unexpired FROM "
                + leases
                + " WHERE name = ? FOR UPDATE"
                + skip)
        .bind(0, projection)
        .map(
            (rs, ctx) ->
                new StoredLease(
                    rs.getString("owner"), rs.getLong("epoch"), rs.getInt("unexpired") == 1))
        .findOne();
  }

  private boolean exists(Handle handle, String projection) {
    return handle
            .createQuery("SELECT COUNT(*) FROM " + leases + " WHERE name = ?")
            .bind(0, projection)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** A lease's row, as locked: its owner, or null, its epoch, and whether it has not lapsed. */
  private record StoredLease(String owner, long epoch, boolean unexpired) {

    boolean heldBy(Lease lease) {
      return lease.owner().equals(owner) && epoch == lease.epoch();
    }
  }

  @Override
  public Optional<Lease> claim(String projection, String owner, Duration leaseTime) {
    try {
      return storage.inTransaction(
          () ->
              run(
                  "take the lease on projection " + projection,
                  handle -> {
                    Optional<StoredLease> row = lockIfFree(handle, projection);
                    if (row.isEmpty()) {
                      if (exists(handle, projection)) {
                        return Optional.<Lease>empty(); // locked by a batch: next turn
                      }
                      // the first take; a racing first take fails on the primary key, below
                      handle.execute(
                          "INSERT INTO "
                              + leases
                              + " (name, owner, epoch, expires_at) VALUES (?, ?, 1, "
                              + now()
                              + " + ?)",
                          projection,
                          owner,
                          leaseTime.toMillis());
                      return Optional.of(new Lease(projection, owner, 1));
                    }
                    StoredLease current = row.get();
                    if (current.owner() != null
                        && !current.owner().equals(owner)
                        && current.unexpired()) {
                      return Optional.<Lease>empty();
                    }
                    handle.execute(
                        "UPDATE "
                            + leases
                            + " SET owner = ?, epoch = ?, expires_at = "
                            + now()
                            + " + ? WHERE name = ?",
                        owner,
                        current.epoch() + 1,
                        leaseTime.toMillis(),
                        projection);
                    return Optional.of(new Lease(projection, owner, current.epoch() + 1));
                  }));
    } catch (ReadModelException e) {
      if (isUniqueViolation(e)) {
        return Optional.empty(); // another runner took it first
      }
      throw e;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>If a batch's transaction holds the lease's row right now, it cannot tell: it extends nothing
   * and answers true, and the runner tries again on its next turn.
   */
  @Override
  public boolean renew(Lease lease, Duration leaseTime) {
    return storage.inTransaction(
        () ->
            run(
                "renew the lease on projection " + lease.projection(),
                handle -> {
                  Optional<StoredLease> row = lockIfFree(handle, lease.projection());
                  if (row.isEmpty()) {
                    return exists(handle, lease.projection()); // locked by a batch
                  }
                  if (!row.get().heldBy(lease)) {
                    return false;
                  }
                  handle.execute(
                      "UPDATE " + leases + " SET expires_at = " + now() + " + ? WHERE name = ?",
                      leaseTime.toMillis(),
                      lease.projection());
                  return true;
                }));
  }

  /**
   * {@inheritDoc}
   *
   * <p>If a batch's transaction holds the lease's row right now, it leaves the lease to lapse.
   */
  @Override
  public void release(Lease lease) {
    storage.inTransaction(
        () ->
            run(
                "release the lease on projection " + lease.projection(),
                handle -> {
                  Optional<StoredLease> row = lockIfFree(handle, lease.projection());
                  if (row.isPresent() && row.get().heldBy(lease)) {
                    handle.execute(
                        "UPDATE " + leases + " SET owner = NULL, expires_at = 0 WHERE name = ?",
                        lease.projection());
                  }
                  return null;
                }));
  }

  @Override
  public boolean holds(Lease lease) {
    return run(
        "check the lease on projection " + lease.projection(),
        handle ->
            handle
                .createQuery(
                    "SELECT owner, epoch, CASE WHEN expires_at > "
                        + now()
                        + " THEN 1 ELSE 0 END AS unexpired FROM "
                        + leases
                        + " WHERE name = ? FOR UPDATE")
                .bind(0, lease.projection())
                .map(
                    (rs, ctx) ->
                        lease.owner().equals(rs.getString("owner"))
                            && rs.getLong("epoch") == lease.epoch()
                            && rs.getInt("unexpired") == 1)
                .findOne()
                .orElse(false));
  }

  @Override
  public List<LeaseState> leases() {
    return run(
        "read the leases",
        handle ->
            handle
                .createQuery(
                    "SELECT name, owner, epoch, expires_at, CASE WHEN expires_at > "
                        + now()
                        + " THEN 0 ELSE 1 END AS expired FROM "
                        + leases
                        + " ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new LeaseState(
                            rs.getString("name"),
                            rs.getString("owner"),
                            rs.getLong("epoch"),
                            Instant.ofEpochMilli(rs.getLong("expires_at")),
                            rs.getInt("expired") == 1))
                .list());
  }

  @Override
  public void heartbeat(String group, String owner, Duration leaseTime) {
    run(
        "record runner " + owner + " as alive",
        handle -> {
          String now = now();
          int updated =
              handle.execute(
                  "UPDATE "
                      + members
                      + " SET expires_at = "
                      + now
                      + " + ? WHERE grp = ? AND owner = ?",
                  leaseTime.toMillis(),
                  group,
                  owner);
          if (updated == 0) {
            // only this runner writes its row, so no other insert races this one
            handle.execute(
                "INSERT INTO "
                    + members
                    + " (grp, owner, expires_at) VALUES (?, ?, "
                    + now
                    + " + ?)",
                group,
                owner,
                leaseTime.toMillis());
          }
          return null;
        });
  }

  @Override
  public List<String> members(String group) {
    return run(
        "read the runners of a group",
        handle ->
            handle
                .createQuery(
                    "SELECT owner FROM "
                        + members
                        + " WHERE grp = ? AND expires_at > "
                        + now()
                        + " ORDER BY owner")
                .bind(0, group)
                .mapTo(String.class)
                .list());
  }

  @Override
  public void leave(String group, String owner) {
    run(
        "remove runner " + owner,
        handle ->
            handle.execute(
                "DELETE FROM " + members + " WHERE grp = ? AND owner = ?", group, owner));
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
