package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JDBC store runs on, each with what its exact global log costs.
 *
 * <ul>
 *   <li>{@link #POSTGRESQL}: appends run concurrently; each row carries its writing transaction's
 *       id, and readers of the global log read only below the oldest running transaction. The cost:
 *       any long-running writing transaction on the server holds tailing readers back until it ends
 *       (the store logs who holds them).
 *   <li>{@link #MARIADB} and {@link #H2}: appends to one table are serialized by a row lock taken
 *       at the start of each append, so that they commit in position order. The cost: appends to
 *       one table do not run in parallel, and a caller that appends inside a transaction of its own
 *       holds the others back until it commits.
 * </ul>
 */
public enum Dialect {
  /** PostgreSQL 13 or later. */
  POSTGRESQL("postgresql"),
  /** MariaDB 10.6 or later. */
  MARIADB("mariadb"),
  /** H2 2.x, the embedded default. */
  H2("h2");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * {@return the name of this dialect's folder of shipped SQL files, such as {@code postgresql}}
   */
  public String folder() {
    return folder;
  }

  /**
   * Detects the dialect from the database a data source connects to.
   *
   * @param dataSource the data source
   * @return the dialect
   * @throws IllegalArgumentException if the database is not one of the supported ones
   * @throws EventStoreException if no connection can be made
   */
  public static Dialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return detect(connection);
    } catch (SQLException e) {
      throw EventStoreException.storageFailure("connect to detect the database", e);
    }
  }

  /**
   * Detects the dialect of an open connection.
   *
   * @param connection the connection
   * @return the dialect
   * @throws SQLException if the connection cannot say what it connects to
   * @throws IllegalArgumentException if the database is not one of the supported ones
   */
  public static Dialect detect(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String name = product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MARIADB;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "Boulevard's JDBC store runs on PostgreSQL, MariaDB and H2, not on " + product);
  }
}
