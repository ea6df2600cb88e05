package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Kills connections of an {@link dev.boulevard.eventstore.jdbc.MarkedConnections} pool, one at a
 * time, preferring one whose transaction has written (a projection batch in flight), then one
 * inside a transaction, then any.
 */
final class ConnectionKiller implements AutoCloseable {

  /** A connection of the pool, as the server sees it now. */
  record Target(long id, boolean writing, boolean inTransaction) {}

  private final TestDatabase database;
  private final Set<Long> ids;
  private final Connection own;
  private final Statement statement;
  int kills;
  int inTransaction;
  int writing;

  ConnectionKiller(TestDatabase database, Set<Long> ids) throws SQLException {
    this.database = database;
    this.ids = ids;
    this.own = database.newConnection();
    this.statement = own.createStatement();
  }

  /** Kills one connection, waiting up to {@code patience} for one in a writing transaction. */
  void killOne(Duration patience) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<Target> targets = targets();
    while (targets.stream().noneMatch(Target::writing) && System.nanoTime() < deadline) {
      Thread.sleep(2);
      targets = targets();
    }
    List<Target> best = targets.stream().filter(Target::writing).toList();
    if (best.isEmpty()) {
      best = targets.stream().filter(Target::inTransaction).toList();
    }
    if (best.isEmpty()) {
      best = targets;
    }
    if (best.isEmpty()) {
      return;
    }
    Target target = best.get(ThreadLocalRandom.current().nextInt(best.size()));
    if (kill(target.id())) {
      kills++;
      inTransaction += target.inTransaction() || target.writing() ? 1 : 0;
      writing += target.writing() ? 1 : 0;
    }
  }

  private List<Target> targets() throws SQLException {
    Set<Long> known = Set.copyOf(ids);
    if (known.isEmpty()) {
      return List.of();
    }
    String in = known.stream().map(String::valueOf).collect(Collectors.joining(","));
    String query =
        database == TestDatabase.POSTGRESQL
            ? "SELECT pid, backend_xid IS NOT NULL, xact_start IS NOT NULL"
                + " AND (state = 'idle in transaction' OR xact_start < query_start)"
                + " FROM pg_stat_activity WHERE pid IN ("
                + in
                + ")"
            : "SELECT p.id, COALESCE(t.trx_rows_modified, 0) > 0,"
                + " t.trx_id IS NOT NULL AND p.command = 'Sleep'"
                + " FROM information_schema.processlist p LEFT JOIN information_schema.innodb_trx t"
                + " ON t.trx_mysql_thread_id = p.id WHERE p.id IN ("
                + in
                + ")";
    var found = new ArrayList<Target>();
    try (ResultSet rs = statement.executeQuery(query)) {
      while (rs.next()) {
        found.add(new Target(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)));
      }
    }
    var gone = new HashSet<>(known);
    found.forEach(target -> gone.remove(target.id()));
    ids.removeAll(gone);
    return found;
  }

  private boolean kill(long id) throws SQLException {
    if (database == TestDatabase.POSTGRESQL) {
      try (ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(" + id + ")")) {
        return rs.next() && rs.getBoolean(1);
      }
    }
    try {
      statement.execute("KILL " + id);
      return true;
    } catch (SQLException gone) {
      return false; // it ended by itself in the meantime
    }
  }

  @Override
  public void close() throws SQLException {
    own.close();
  }
}
