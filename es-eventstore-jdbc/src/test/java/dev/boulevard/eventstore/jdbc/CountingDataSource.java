package dev.boulevard.eventstore.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source whose connections count the statements they execute: every call goes to the
 * real connection and statement, and each execute call adds one; it also counts the connections it
 * hands out. The store's own daemon threads (named {@code boulevard-...}: the PostgreSQL listener
 * and notifier) do not count.
 */
final class CountingDataSource implements DataSource {

  private final DataSource real;
  private final AtomicInteger executed = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();

  CountingDataSource(DataSource real) {
    this.real = real;
  }

  /** {@return how many statements were executed since the last reset} */
  int executed() {
    return executed.get();
  }

  /** {@return how many connections were handed out since the last reset} */
  int connections() {
    return connections.get();
  }

  void reset() {
    executed.set(0);
    connections.set(0);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(real.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return counting(real.getConnection(username, password));
  }

  private Connection counting(Connection connection) {
    if (counts()) {
      connections.incrementAndGet();
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = call(connection, method, args);
              return result instanceof Statement statement
                  ? counting(statement, method.getReturnType())
                  : result;
            });
  }

  private Object counting(Statement statement, Class<?> type) {
    return Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute") && counts()) {
            executed.incrementAndGet();
          }
          return call(statement, method, args);
        });
  }

  /** {@return whether the running thread's work counts: not the store's own daemon threads'} */
  private static boolean counts() {
    return !Thread.currentThread().getName().startsWith("boulevard-");
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}
