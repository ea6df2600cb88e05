package dev.boulevard.eventstore.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source whose connections fail on purpose where a killed connection would: on commit, or
 * when auto-commit is switched back on after a transaction, having done the real work first.
 */
final class FlakyConnections {

  private FlakyConnections() {}

  /**
   * Wraps a data source.
   *
   * @param dataSource the real connections
   * @param failCommit whether a commit rolls back and throws instead
   * @return connections that throw once auto-commit is switched back on
   */
  static DataSource failingToRestoreAutoCommit(DataSource dataSource, boolean failCommit) {
    return proxy(
        DataSource.class,
        dataSource,
        (method, args) -> {
          Object result = method.invoke(dataSource, args);
          return method.getName().equals("getConnection")
              ? connection((Connection) result, failCommit)
              : result;
        });
  }

  private static Connection connection(Connection real, boolean failCommit) {
    return proxy(
        Connection.class,
        real,
        (method, args) -> {
          if (failCommit && method.getName().equals("commit")) {
            real.rollback();
            throw new SQLException("commit failed on purpose", "08006");
          }
          Object result = method.invoke(real, args);
          if (method.getName().equals("setAutoCommit") && Boolean.TRUE.equals(args[0])) {
            throw new SQLException("connection lost on purpose", "08006");
          }
          return result;
        });
  }

  /** A call to pass on, or to fail. */
  private interface Call {
    Object handle(Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T real, Call call) {
    return type.cast(
        Proxy.newProxyInstance(
            FlakyConnections.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              try {
                return call.handle(method, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
