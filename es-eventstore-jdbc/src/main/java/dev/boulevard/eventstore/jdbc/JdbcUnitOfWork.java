package dev.boulevard.eventstore.jdbc;

import dev.boulevard.unitofwork.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work on a JDBC database: one transaction on one connection, bound to the running thread
 * while the work runs, which the {@link JdbcEventStore} and the {@link JdbcCommandLog} built on the
 * same {@link DataSource} instance join: their appends, loads and entries then run on that
 * connection, and commit together.
 *
 * <pre>{@code
 * UnitOfWork unitOfWork = JdbcUnitOfWork.on(dataSource);
 * CommandBus bus = CommandLogger.around(new SimpleCommandBus(), commandLog, clock, unitOfWork);
 * }</pre>
 *
 * <p>Work that runs while this thread already has a unit open on the same data source joins it: it
 * neither commits nor rolls back, the outer unit does. Rows of the caller's own go into the same
 * transaction through {@link #connection()}. The transaction runs at the connection's isolation
 * level. Thread-safe: each thread has units of its own.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcUnitOfWork.class);

  private final DataSource dataSource;

  private JdbcUnitOfWork(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * {@return units of work on the data source}
   *
   * @param dataSource the very instance the store and the command log were built on
   */
  public static JdbcUnitOfWork on(DataSource dataSource) {
    return new JdbcUnitOfWork(dataSource);
  }

  /**
   * Runs the work in a transaction of its own, or in the one this thread has open on the data
   * source already.
   *
   * @throws UnitOfWorkException if no connection could be had or the commit failed; the work's own
   *     exception, as is, after the rollback
   */
  @Override
  public <T> T run(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (BoundTransaction.on(dataSource).isPresent()) {
      return work.get();
    }
    BoundTransaction bound = begin();
    T result;
    try {
      result = work.get();
    } catch (Throwable e) {
      bound.unbind();
      rollbackAndClose(bound, e);
      throw sneakyThrow(e);
    }
    bound.unbind();
    commitAndClose(bound);
    bound.afterCommitActions().forEach(JdbcUnitOfWork::runAfterCommit);
    return result;
  }

  private static void runAfterCommit(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("A unit of work committed, but an action to run after its commit failed", e);
    }
  }

  /**
   * {@return the connection of the transaction this thread has open on the data source, for
   * statements of the caller's own that must commit with it; empty outside a unit of work}
   *
   * <p>Neither commit, roll back nor close it: the unit of work does.
   */
  public Optional<Connection> connection() {
    return BoundTransaction.on(dataSource).map(BoundTransaction::connection);
  }

  /** Opens a connection in manual-commit mode and binds it to this thread. */
  private BoundTransaction begin() {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw UnitOfWorkException.dueTo("begin", e);
    }
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      return BoundTransaction.bind(dataSource, connection, autoCommit);
    } catch (SQLException e) {
      closeAfterFailure(connection, e);
      throw UnitOfWorkException.dueTo("begin", e);
    }
  }

  private static void commitAndClose(BoundTransaction bound) {
    Connection connection = bound.connection();
    try {
      connection.commit();
    } catch (SQLException e) {
      rollbackAndClose(bound, e);
      throw UnitOfWorkException.dueTo("commit", e);
    }
    try (connection) {
      connection.setAutoCommit(bound.autoCommit());
    } catch (SQLException e) {
      // Committed: the work is stored, whatever becomes of the connection.
      LOG.warn("Committed a unit of work, but could not hand its connection back cleanly", e);
    }
  }

  private static void rollbackAndClose(BoundTransaction bound, Throwable failure) {
    Connection connection = bound.connection();
    try {
      connection.rollback();
      connection.setAutoCommit(bound.autoCommit());
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    closeAfterFailure(connection, failure);
  }

  private static void closeAfterFailure(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }
}
