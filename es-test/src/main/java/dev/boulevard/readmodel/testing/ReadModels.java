package dev.boulevard.readmodel.testing;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read models that a projector under test writes to, one repository per document type: the
 * repositories given with {@link #with}, and an in-memory one for any other type asked for.
 *
 * <pre>{@code
 * ReadModels models = ReadModels.inMemory().with(Balance.class, jdbcBalances);
 * ProjectorScenario.forReadModels(models, m -> new LedgerProjector(
 *     m.repository(Balance.class), m.repository(Entry.class)));
 * }</pre>
 *
 * <p>Not thread-safe: one per scenario.
 */
public final class ReadModels {

  private final Map<Class<?>, ReadModelRepository<?>> repositories = new LinkedHashMap<>();

  private ReadModels() {}

  /** {@return read models that are all in memory, each made empty when first asked for} */
  public static ReadModels inMemory() {
    return new ReadModels();
  }

  /**
   * Uses a repository of the test's choosing, such as a JDBC one, for one document type.
   *
   * @param type the documents' class
   * @param repository the repository, usually empty
   * @param <T> the documents' type
   * @return these read models
   * @throws IllegalStateException if the type has a repository already
   */
  public <T extends ReadModel> ReadModels with(Class<T> type, ReadModelRepository<T> repository) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(repository, "repository");
    if (repositories.putIfAbsent(type, repository) != null) {
      throw new IllegalStateException(
          "There is a repository of " + type.getName() + " already: give each type one");
    }
    return this;
  }

  /**
   * Returns the repository of a document type, the same one each time: the one given with {@link
   * #with}, or else an in-memory one made on the first call.
   *
   * @param type the documents' class
   * @param <T> the documents' type
   * @return the repository
   */
  @SuppressWarnings("unchecked") // with(...) and this method put only a ReadModelRepository<T>
  public <T extends ReadModel> ReadModelRepository<T> repository(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return (ReadModelRepository<T>)
        repositories.computeIfAbsent(type, t -> InMemoryReadModelRepository.<T>create());
  }

  /** {@return the document types that have a repository, in the order they got it} */
  public List<Class<?>> types() {
    return List.copyOf(repositories.keySet());
  }
}
