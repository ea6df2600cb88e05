package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock under which Boulevard runs DDL on a database, so that any number of instances of an
 * app may start at once on a database where their tables do not exist yet: PostgreSQL and H2 refuse
 * concurrent {@code CREATE ... IF NOT EXISTS} of one object with a duplicate-key error in their
 * catalog, and migrations read and record versions.
 *
 * <p>On PostgreSQL a session-level advisory lock of the current database; on MariaDB {@code
 * GET_LOCK} with a name derived from the current database, waiting up to 60 seconds; on H2, which
 * runs embedded, a lock in this JVM. The lock is taken on the given connection and given back
 * before this returns; it is re-entrant on that connection, but a thread that holds it must not
 * wait for DDL on another connection. Every DDL the library runs at start, in {@link JdbcSchema}
 * and in the read side's storage, takes it; so may a team's own.
 */
public final class SchemaLock {

  /** H2 runs in this JVM: DDL of any table locks its catalog, so all of it takes turns here. */
  private static final ReentrantLock H2_LOCK = new ReentrantLock();

  private static final String NAME = "boulevard_schema";

  private SchemaLock() {}

  /** DDL to run under the lock, on the connection the lock was taken on. */
  @FunctionalInterface
  public interface Ddl {
    /**
     * Runs the DDL.
     *
     * @throws SQLException if the database refuses it
     */
    void run() throws SQLException;
  }

  /**
   * Runs DDL under the database's schema lock, taking it on the connection and giving it back.
   *
   * @param connection the connection the DDL runs on, in auto-commit mode
   * @param dialect the database's dialect
   * @param ddl the DDL
   * @throws SQLException if the lock cannot be had (MariaDB: not within 60 seconds) or the DDL
   *     fails; the DDL's own exceptions pass as they are
   */
  public static void holding(Connection connection, Dialect dialect, Ddl ddl) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(ddl, "ddl");
    take(connection, dialect);
    try {
      ddl.run();
    } finally {
      release(connection, dialect);
    }
  }

  private static void take(Connection connection, Dialect dialect) throws SQLException {
    switch (dialect) {
      case POSTGRESQL -> run(connection, "SELECT pg_advisory_lock(hashtext('" + NAME + "'))");
      case MARIADB -> {
        // Lock names are server-wide: one per database (schema), within GET_LOCK's 64 characters.
        if (!query(connection, "SELECT GET_LOCK(" + mariaDbName() + ", 60)")) {
          throw new SQLException("Waited 60 seconds in vain for the lock on the database's schema");
        }
      }
      case H2 -> H2_LOCK.lock();
    }
  }

  private static void release(Connection connection, Dialect dialect) throws SQLException {
    switch (dialect) {
      case POSTGRESQL -> run(connection, "SELECT pg_advisory_unlock(hashtext('" + NAME + "'))");
      case MARIADB -> run(connection, "SELECT RELEASE_LOCK(" + mariaDbName() + ")");
      case H2 -> H2_LOCK.unlock();
    }
  }

  private static String mariaDbName() {
    return "CONCAT('" + NAME + "_', LEFT(MD5(COALESCE(DATABASE(), '')), 32))";
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeQuery().close();
    }
  }

  /** Runs a query of one number; {@return whether it answered 1} */
  private static boolean query(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }
}
