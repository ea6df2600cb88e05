package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The transaction a {@link JdbcUnitOfWork} has open on the running thread, bound to its data source
 * so that the store and the command log on the same data source find it and join it.
 *
 * <p>Units on different data sources may nest; each thread sees only its own. Not thread-safe: it
 * belongs to one thread.
 */
final class BoundTransaction {

  private static final ThreadLocal<BoundTransaction> CURRENT = new ThreadLocal<>();

  private final DataSource dataSource;
  private final Connection connection;
  private final boolean autoCommit;
  private final BoundTransaction outer;
  private final List<Runnable> afterCommit = new ArrayList<>(1);

  private BoundTransaction(
      DataSource dataSource, Connection connection, boolean autoCommit, BoundTransaction outer) {
    this.dataSource = dataSource;
    this.connection = connection;
    this.autoCommit = autoCommit;
    this.outer = outer;
  }

  /** {@return the transaction this thread has open on the data source, if any} */
  static Optional<BoundTransaction> on(DataSource dataSource) {
    for (BoundTransaction bound = CURRENT.get(); bound != null; bound = bound.outer) {
      if (bound.dataSource == dataSource) {
        return Optional.of(bound);
      }
    }
    return Optional.empty();
  }

  /**
   * Binds a transaction on the connection to this thread, until {@link #unbind()}.
   *
   * @param autoCommit the connection's auto-commit mode before the transaction, to restore after it
   */
  static BoundTransaction bind(DataSource dataSource, Connection connection, boolean autoCommit) {
    var bound = new BoundTransaction(dataSource, connection, autoCommit, CURRENT.get());
    CURRENT.set(bound);
    return bound;
  }

  /** Ends the binding; the transactions of other data sources that this one nested in remain. */
  void unbind() {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  /** {@return the connection the transaction runs on; the unit of work commits and closes it} */
  Connection connection() {
    return connection;
  }

  /** {@return the connection's auto-commit mode before the transaction} */
  boolean autoCommit() {
    return autoCommit;
  }

  /** Runs the action once the transaction has committed, and never if it rolls back. */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }
}
