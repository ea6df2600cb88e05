package dev.boulevard.readmodel;

import java.util.function.Supplier;

/**
 * Where read models are stored: a factory of repositories by name, and the transaction they share.
 *
 * <p>Implementations are thread-safe.
 */
public interface ReadModelStorage {

  /**
   * Returns the repository of a named read model, creating its storage if needed.
   *
   * @param name the read model's name: 1 to 40 letters, digits or underscores, not starting with a
   *     digit and not ending in {@code _fields} in any case, which is the suffix of a read model's
   *     index table
   * @param type the class its documents are read into
   * @param <T> the model's type
   * @return the repository
   * @throws IllegalArgumentException if the name is not valid, such as one ending in {@code
   *     _fields}
   */
  <T extends ReadModel> ReadModelRepository<T> repository(String name, Class<T> type);

  /**
   * Drops a named read model with all its documents; dropping one that does not exist does nothing.
   *
   * @param name the read model's name
   */
  void drop(String name);

  /**
   * Runs work in one transaction of this storage: the repositories it uses on this thread commit
   * together, or not at all if it throws.
   *
   * <p>Work that is already inside a transaction of this storage joins it. A storage that is not
   * {@link #isTransactional() transactional} just runs the work.
   *
   * @param work the work
   * @param <R> what the work returns
   * @return what the work returned
   */
  <R> R inTransaction(Supplier<R> work);

  /** {@return whether {@link #inTransaction} makes writes atomic} */
  boolean isTransactional();
}
