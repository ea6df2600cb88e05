package dev.boulevard.unitofwork;

import java.util.function.Supplier;

/**
 * Runs work as one unit, so that what it writes through the stores that share the unit (the events
 * it appends, its command log entry, rows of the caller's own) commits together when the work
 * returns and is rolled back when it throws.
 *
 * <p>A unit of work that a store provides binds its transaction to the running thread: the store's
 * operations on that thread join it instead of opening transactions of their own. Work run while
 * the thread is already inside a unit of the same store joins the outer one, which alone commits.
 * Anything that must happen once per transaction, such as a retry of a lost race, belongs outside
 * {@link #run}, or in a decorator of it, so that each attempt gets a fresh transaction.
 *
 * <pre>{@code
 * UnitOfWork unitOfWork = JdbcUnitOfWork.on(dataSource);
 * CommandBus bus = CommandLogger.around(new SimpleCommandBus(), commandLog, clock, unitOfWork);
 * }</pre>
 *
 * <p>Implementations are thread-safe: each thread runs units of its own.
 */
public interface UnitOfWork {

  /**
   * Runs the work as one unit: commits what it wrote when it returns, rolls it back when it throws.
   *
   * @param work the work, run on the calling thread
   * @param <T> what the work returns
   * @return what the work returned, once committed
   * @throws RuntimeException what the work threw, as is, after the rollback; or the store's own
   *     exception if the unit could not begin or commit
   */
  <T> T run(Supplier<T> work);

  /**
   * {@return a unit of work that just runs the work, for stores that have no transaction to share,
   * such as the in-memory ones, whose appends are atomic each on its own}
   */
  static UnitOfWork none() {
    return ImmediateUnitOfWork.INSTANCE;
  }
}
