package dev.boulevard.readmodel.inmemory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.ModelChecks;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.ProjectionStore;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps read models in memory, one {@link InMemoryReadModelRepository} per name, with the
 * projections' checkpoints and the process managers' outboxes; thread-safe.
 *
 * <p>It is not transactional: {@link #inTransaction} just runs the work, and what the work saved
 * before it threw stays saved. It is not {@link #isDurable durable}: everything it keeps is lost
 * with the process, so projections start again from the beginning of the log at the next start.
 */
public final class InMemoryReadModelStorage implements ReadModelStorage {

  private final ObjectMapper mapper;
  private final Map<String, Named> repositories = new ConcurrentHashMap<>();
  private final Map<String, InMemoryProjectionStore> projectionStores = new ConcurrentHashMap<>();
  private final Map<String, InMemoryOutbox> outboxes = new ConcurrentHashMap<>();

  private InMemoryReadModelStorage(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Creates an empty storage whose repositories compare fields as the {@link
   * JacksonMappers#defaults() default mapper} writes them.
   *
   * @return the storage
   */
  public static InMemoryReadModelStorage create() {
    return create(JacksonMappers.defaults());
  }

  /**
   * Creates an empty storage whose repositories compare fields as a mapper writes them.
   *
   * @param mapper the mapper, which must not be changed afterwards
   * @return the storage
   */
  public static InMemoryReadModelStorage create(ObjectMapper mapper) {
    return new InMemoryReadModelStorage(Objects.requireNonNull(mapper, "mapper"));
  }

  /**
   * Returns the repository of a named read model, the same one for the same name until it is
   * dropped.
   *
   * @throws IllegalArgumentException if the name is not valid, as the JDBC storage checks it, or
   *     the read model exists with another type
   */
  @Override
  public <T extends ReadModel> ReadModelRepository<T> repository(String name, Class<T> type) {
    ModelChecks.requireName(name);
    Objects.requireNonNull(type, "type");
    Named named =
        repositories.computeIfAbsent(
            name, key -> new Named(type, InMemoryReadModelRepository.create(mapper)));
    return named.as(name, type);
  }

  /**
   * Drops a named read model with all its models; dropping one that does not exist does nothing.
   *
   * @throws IllegalArgumentException if the name is not valid, as {@link #repository} checks it
   */
  @Override
  public void drop(String name) {
    Named dropped = repositories.remove(ModelChecks.requireName(name));
    if (dropped != null) {
      dropped.repository.clear();
    }
  }

  @Override
  public <R> R inTransaction(Supplier<R> work) {
    return work.get();
  }

  @Override
  public boolean isTransactional() {
    return false;
  }

  /**
   * Returns the projection store kept under a name, the same one for the same name.
   *
   * @throws IllegalArgumentException if the name is not valid, as {@link
   *     ModelChecks#requireStoreName} checks it
   */
  @Override
  public ProjectionStore projectionStore(String name) {
    return projectionStores.computeIfAbsent(
        ModelChecks.requireStoreName(name), n -> new InMemoryProjectionStore());
  }

  /**
   * Returns the outbox kept under a name, the same one for the same name.
   *
   * @throws IllegalArgumentException if the name is not valid, as {@link
   *     ModelChecks#requireStoreName} checks it
   */
  @Override
  public Outbox outbox(String name) {
    return outboxes.computeIfAbsent(ModelChecks.requireStoreName(name), n -> new InMemoryOutbox());
  }

  /** {@return false: everything is lost with the process} */
  @Override
  public boolean isDurable() {
    return false;
  }

  /** A repository and the type it was created for. */
  private record Named(Class<?> type, InMemoryReadModelRepository<?> repository) {

    @SuppressWarnings("unchecked") // checked: the type is the one the repository was created for
    <T extends ReadModel> ReadModelRepository<T> as(String name, Class<T> requested) {
      if (!type.equals(requested)) {
        throw new IllegalArgumentException(
            "Read model '" + name + "' holds " + type.getName() + ", not " + requested.getName());
      }
      return (ReadModelRepository<T>) repository;
    }
  }
}
