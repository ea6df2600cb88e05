package dev.boulevard.readmodel.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that records the rows its prepared statements write: one per {@code execute} or per
 * row added to a batch.
 */
final class CountingDataSource {

  private final DataSource target;
  private final List<String> written = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource target) {
    this.target = target;
  }

  /** {@return the data source that records, handing out connections of the target} */
  DataSource dataSource() {
    return proxy(DataSource.class, target, this::connection);
  }

  /** {@return how many rows the statements starting with a prefix wrote since the last reset} */
  long rows(String prefix) {
    return written.stream().filter(sql -> sql.startsWith(prefix)).count();
  }

  /** Forgets the rows written so far. */
  void reset() {
    written.clear();
  }

  private Object connection(Method method, Object result, Object[] args) {
    if (result instanceof Connection connection) {
      return proxy(Connection.class, connection, this::statement);
    }
    return result;
  }

  private Object statement(Method method, Object result, Object[] args) {
    if (result instanceof PreparedStatement statement
        && method.getName().equals("prepareStatement")) {
      String sql = (String) args[0];
      return proxy(
          PreparedStatement.class,
          statement,
          (called, returned, calledArgs) -> {
            String name = called.getName();
            boolean withoutSql = calledArgs == null || calledArgs.length == 0;
            if (withoutSql
                && (name.equals("addBatch")
                    || name.equals("execute")
                    || name.equals("executeUpdate")
                    || name.equals("executeLargeUpdate"))) {
              written.add(sql);
            }
            return returned;
          });
    }
    return result;
  }

  /** Wraps what a call returned. */
  private interface Wrapper {
    Object wrap(Method method, Object result, Object[] args);
  }

  private static <T> T proxy(Class<T> type, T target, Wrapper wrapper) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          try {
            return wrapper.wrap(method, method.invoke(target, args), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
