package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Kills connections of one marked pool at random moments, from a connection of its own, and counts
 * what each kill hit: a connection running a statement, one idle inside a transaction, or an idle
 * one, which it takes only when it finds no busy one in a few hundred looks.
 */
final class PoolKiller implements Callable<Map<String, Integer>> {

  static final String STATEMENT = "statement";
  static final String TRANSACTION = "transaction";
  static final String IDLE = "idle";

  private static final int LOOKS = 300;

  /** A connection of the pool, by its server id, and what it was doing when last seen. */
  private record Session(long id, String kind) {}

  private final TestDatabase database;
  private final MarkedConnections connections;
  private final int kills;

  PoolKiller(TestDatabase database, MarkedConnections connections, int kills) {
    this.database = database;
    this.connections = connections;
    this.kills = kills;
  }

  /** {@return how many kills hit each kind of connection} */
  @Override
  public Map<String, Integer> call() throws SQLException, InterruptedException {
    var hits = new TreeMap<String, Integer>(Map.of(STATEMENT, 0, TRANSACTION, 0, IDLE, 0));
    var random = ThreadLocalRandom.current();
    try (Connection killer = database.newConnection()) {
      int done = 0;
      while (done < kills) {
        TimeUnit.MILLISECONDS.sleep(random.nextInt(10, 80));
        Optional<Session> victim = pick(killer, random);
        if (victim.isPresent() && kill(killer, victim.get().id())) {
          hits.merge(victim.get().kind(), 1, Integer::sum);
          done++;
        }
      }
    }
    return hits;
  }

  private Optional<Session> pick(Connection killer, ThreadLocalRandom random) throws SQLException {
    List<Session> sessions = List.of();
    for (int look = 0; look < LOOKS; look++) {
      sessions = sessions(killer);
      List<Session> busy = sessions.stream().filter(s -> !s.kind().equals(IDLE)).toList();
      if (!busy.isEmpty()) {
        return Optional.of(busy.get(random.nextInt(busy.size())));
      }
    }
    return sessions.isEmpty()
        ? Optional.empty()
        : Optional.of(sessions.get(random.nextInt(sessions.size())));
  }

  private List<Session> sessions(Connection killer) throws SQLException {
    var sessions = new ArrayList<Session>();
    if (database == TestDatabase.POSTGRESQL) {
      try (PreparedStatement statement =
          killer.prepareStatement(
              "SELECT pid, state FROM pg_stat_activity WHERE application_name = ?")) {
        statement.setString(1, connections.mark());
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            String state = String.valueOf(rs.getString(2));
            String kind =
                state.equals("active")
                    ? STATEMENT
                    : state.startsWith("idle in transaction") ? TRANSACTION : IDLE;
            sessions.add(new Session(rs.getLong(1), kind));
          }
        }
      }
      return sessions;
    }
    try (Statement statement = killer.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT p.ID, p.COMMAND = 'Query' AND p.INFO IS NOT NULL, t.trx_id IS NOT NULL"
                    + " FROM information_schema.PROCESSLIST p LEFT JOIN"
                    + " information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID")) {
      while (rs.next()) {
        if (connections.ids().contains(rs.getLong(1))) {
          String kind = rs.getBoolean(2) ? STATEMENT : rs.getBoolean(3) ? TRANSACTION : IDLE;
          sessions.add(new Session(rs.getLong(1), kind));
        }
      }
    }
    return sessions;
  }

  /** {@return whether the kill ended the connection; it may have closed by itself meanwhile} */
  private boolean kill(Connection killer, long id) throws SQLException {
    if (database == TestDatabase.POSTGRESQL) {
      try (PreparedStatement statement =
          killer.prepareStatement("SELECT pg_terminate_backend(CAST(? AS INTEGER), 10000)")) {
        statement.setLong(1, id);
        try (ResultSet rs = statement.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    }
    connections.ids().remove(id); // MariaDB never reuses an id, so it cannot name another's
    try (Statement statement = killer.createStatement()) {
      statement.execute("KILL CONNECTION " + id);
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == 1094) {
        return false; // ER_NO_SUCH_THREAD: it closed by itself
      }
      throw e;
    }
  }
}
