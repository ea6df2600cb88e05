package dev.boulevard.readmodel.projection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of a test's own that records the server-side id of every connection it opens, so that a
 * killer kills those and no other session's: the servers are shared with other test runs.
 */
final class OwnPool implements DataSource {

  private final TestDatabase database;
  private final Set<Long> ids;

  private OwnPool(TestDatabase database, Set<Long> ids) {
    this.database = database;
    this.ids = ids;
  }

  /** {@return a pool whose connections' ids are added to {@code ids} as they are opened} */
  static HikariDataSource open(TestDatabase database, Set<Long> ids) {
    var config = new HikariConfig();
    config.setDataSource(new OwnPool(database, ids));
    config.setMaximumPoolSize(8);
    config.setPoolName("boulevard-own-" + ProcessHandle.current().pid());
    return new HikariDataSource(config);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection =
        DriverManager.getConnection(database.url(), database.user(), database.password());
    String query =
        database == TestDatabase.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
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
    throw new SQLFeatureNotSupportedException("The pool connects as the test database's user");
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
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("No java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
