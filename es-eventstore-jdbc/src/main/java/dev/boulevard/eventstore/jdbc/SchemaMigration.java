package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies the shipped SQL scripts of one table that are not applied yet, and records each applied
 * script in {@code <table>_schema_version}.
 *
 * <p>Concurrent migrations of one table take turns through a database lock on PostgreSQL and
 * MariaDB. Stateless; {@link JdbcSchema} uses it for every table.
 */
final class SchemaMigration {

  /**
   * H2 runs embedded, in this JVM: its migrations take turns through this one lock, whatever the
   * table, since H2's DDL on any table locks its catalog and concurrent DDL times out on it.
   */
  private static final ReentrantLock H2_LOCK = new ReentrantLock();

  private SchemaMigration() {}

  /**
   * Applies the given versions in order, skipping those already recorded.
   *
   * @param folder the scripts' folder under the dialect's, such as {@code command_log/}, or empty
   * @param versions the scripts' file names, which are also the recorded versions
   */
  static void apply(
      Connection connection, Dialect dialect, String table, String folder, List<String> versions)
      throws SQLException {
    String checked = TableName.check(table);
    lock(connection, dialect, checked, true);
    try {
      execute(
          connection,
          "CREATE TABLE IF NOT EXISTS "
              + checked
              + "_schema_version (version VARCHAR(100) NOT NULL PRIMARY KEY)");
      Set<String> applied = applied(connection, checked);
      for (String version : versions) {
        if (!applied.contains(version)) {
          for (String statement : SqlScript.statements(dialect, folder + version, checked)) {
            execute(connection, statement);
          }
          record(connection, checked, version);
        }
      }
    } finally {
      lock(connection, dialect, checked, false);
    }
  }

  private static Set<String> applied(Connection connection, String table) throws SQLException {
    var versions = new HashSet<String>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT version FROM " + table + "_schema_version")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  private static void record(Connection connection, String table, String version)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + "_schema_version (version) VALUES (?)")) {
      insert.setString(1, version);
      insert.executeUpdate();
    }
  }

  private static void lock(Connection connection, Dialect dialect, String table, boolean take)
      throws SQLException {
    String statement =
        switch (dialect) {
          case POSTGRESQL ->
              take
                  ? "SELECT pg_advisory_lock(hashtext(?))"
                  : "SELECT pg_advisory_unlock(hashtext(?))";
          case MARIADB -> take ? "SELECT GET_LOCK(?, 60)" : "SELECT RELEASE_LOCK(?)";
          case H2 -> null;
        };
    if (statement == null) {
      if (take) {
        H2_LOCK.lock();
      } else {
        H2_LOCK.unlock();
      }
      return;
    }
    try (PreparedStatement lock = connection.prepareStatement(statement)) {
      lock.setString(1, "boulevard_schema_" + table);
      try (ResultSet rs = lock.executeQuery()) {
        // GET_LOCK answers 0 after waiting 60 seconds in vain; migrating without it could race.
        if (take && dialect == Dialect.MARIADB && !(rs.next() && rs.getInt(1) == 1)) {
          throw new SQLException(
              "Waited 60 seconds in vain for the lock on the schema of table " + table);
        }
      }
    }
  }

  private static void execute(Connection connection, String statement) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
