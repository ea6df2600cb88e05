package dev.boulevard.eventstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens the physical connections of a test's own pool and notes the server's id of each, and on
 * PostgreSQL names them by the application name {@link #mark()}, so that a killer ends only them
 * and never a connection of another test run on the same server.
 *
 * <p>Published in this module's test-jar, for the fault tests of the other modules.
 */
public final class MarkedConnections implements DataSource {

  private final TestDatabase database;
  private final String mark;
  private final Set<Long> ids = ConcurrentHashMap.newKeySet();

  /** Connections to the test database, marked with the given name. */
  public MarkedConnections(TestDatabase database, String mark) {
    this.database = database;
    this.mark = mark;
  }

  /** {@return a pool of at most the given size over these connections, named by the mark} */
  public HikariDataSource pool(int size) {
    var config = new HikariConfig();
    config.setDataSource(this);
    config.setPoolName(mark);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  /** {@return the name that marks these connections} */
  public String mark() {
    return mark;
  }

  /** {@return the server's ids of every connection opened so far, killed ones included} */
  public Set<Long> ids() {
    return ids;
  }

  @Override
  public Connection getConnection() throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", database.user());
    properties.setProperty("password", database.password());
    if (database == TestDatabase.POSTGRESQL) {
      properties.setProperty("ApplicationName", mark);
    }
    Connection connection = DriverManager.getConnection(database.url(), properties);
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                database == TestDatabase.POSTGRESQL
                    ? "SELECT pg_backend_pid()"
                    : "SELECT CONNECTION_ID()")) {
      rs.next();
      ids.add(rs.getLong(1));
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("The marked connections have one user");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // nothing is logged
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // the driver's default applies
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("No java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("Not a wrapper of " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
