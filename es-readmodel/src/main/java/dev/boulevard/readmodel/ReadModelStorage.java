package dev.boulevard.readmodel;

import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.function.Supplier;

/**
 * Where read models are stored: a factory of repositories by name, the transaction they share, and
 * the checkpoint store and outbox that the projection and process-manager runtimes keep beside
 * them.
 *
 * <p>A storage of your own passes the contract suites in es-readmodel's test-jar ({@code
 * ReadModelRepositoryContract}, {@code ProjectionsContract}, {@code SagasContract}).
 * Implementations are thread-safe.
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

  /**
   * Returns the store in which tracking projections keep their checkpoints, parks and decisions,
   * beside this storage's read models, creating it if needed; the same name gives the same store.
   *
   * @param name the store's name: a table name where the storage has tables
   * @return the store, whose writes join this storage's {@link #inTransaction transaction}
   * @throws IllegalArgumentException if the name is not valid for this storage
   */
  ProjectionStore projectionStore(String name);

  /**
   * Returns the outbox in which process managers' commands wait to be delivered, creating it if
   * needed; the same name gives the same outbox.
   *
   * @param name the outbox's name: a table name where the storage has tables
   * @return the outbox, whose writes join this storage's {@link #inTransaction transaction}
   * @throws IllegalArgumentException if the name is not valid for this storage
   */
  Outbox outbox(String name);

  /**
   * {@return whether what this storage keeps, read models, checkpoints and outbox, outlives the
   * process}: the runtimes say at start, in the log and in their status, when it does not
   */
  boolean isDurable();

  /**
   * Tells whether a failure is this storage's own and likely passes by itself, such as a lost
   * connection or a deadlock: the runtimes wait such a failure out instead of blaming the event.
   *
   * @param failure a failure thrown while this storage was in use
   * @return whether it is transient; false unless the storage knows better
   */
  default boolean isTransient(Throwable failure) {
    return false;
  }
}
