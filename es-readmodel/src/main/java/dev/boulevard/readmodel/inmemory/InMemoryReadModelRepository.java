package dev.boulevard.readmodel.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.spi.FieldIndex;
import dev.boulevard.readmodel.spi.ModelChecks;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the models of one read model in memory; thread-safe.
 *
 * <p>It stores the model objects themselves, not copies, and {@link #find} returns them: models
 * must be immutable, and records are ideal. A save writes the model as JSON with the mapper, into
 * nothing, so that a model Jackson cannot write is refused at its save, as the JDBC store refuses
 * it; the fields that {@link #findBy} compares, as the JDBC store does, are computed from the
 * model's JSON tree at the first {@code findBy} that needs them.
 *
 * @param <T> the model's type
 */
public final class InMemoryReadModelRepository<T extends ReadModel>
    implements ReadModelRepository<T> {

  private final ObjectMapper mapper;
  private final FieldIndex index;
  private final Map<String, Stored<T>> models = new ConcurrentHashMap<>();
  private final AtomicLong saves = new AtomicLong();

  private InMemoryReadModelRepository(ObjectMapper mapper) {
    this.mapper = mapper;
    this.index = new FieldIndex(mapper);
  }

  /**
   * Creates an empty repository whose {@code findBy} compares fields as the {@link
   * JacksonMappers#defaults() default mapper} writes them.
   *
   * @param <T> the model's type
   * @return the repository
   */
  public static <T extends ReadModel> InMemoryReadModelRepository<T> create() {
    return create(JacksonMappers.defaults());
  }

  /**
   * Creates an empty repository whose {@code findBy} compares fields as a mapper writes them.
   *
   * @param mapper the mapper, which must not be changed afterwards
   * @param <T> the model's type
   * @return the repository
   */
  public static <T extends ReadModel> InMemoryReadModelRepository<T> create(ObjectMapper mapper) {
    return new InMemoryReadModelRepository<>(Objects.requireNonNull(mapper, "mapper"));
  }

  @Override
  public void save(T model) {
    String id = ModelChecks.requireSavable(model);
    try {
      // Writing into nothing costs about 60% of building the tree (JFR profiles of an H2 replay
      // into this repository: save was 26% of the samples with the tree, 16% without it).
      mapper.writeValue(Writer.nullWriter(), model);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReadModelException("Cannot write model '" + id + "' as JSON", e);
    }
    models.compute(
        id,
        (key, old) -> new Stored<>(old == null ? saves.incrementAndGet() : old.position, model));
  }

  @Override
  public Optional<T> find(String id) {
    Stored<T> stored = models.get(ModelChecks.requireId(id));
    return stored == null ? Optional.empty() : Optional.of(stored.model);
  }

  @Override
  public List<T> findBy(Map<String, ?> fields) {
    List<FieldIndex.Entry> clauses = index.clauses(fields);
    if (clauses.isEmpty()) {
      return List.of();
    }
    return models.values().stream()
        .filter(stored -> stored.entries(index, mapper).containsAll(clauses))
        .sorted(Comparator.comparingLong(Stored::position))
        .map(Stored::model)
        .toList();
  }

  @Override
  public List<T> findAll() {
    return models.values().stream()
        .sorted(Comparator.comparingLong(Stored::position))
        .map(Stored::model)
        .toList();
  }

  @Override
  public void remove(String id) {
    models.remove(ModelChecks.requireId(id));
  }

  /** Removes every model, for a storage that drops this read model. */
  void clear() {
    models.clear();
  }

  /** A stored model, its first-saved position and, once computed, its entries. */
  private static final class Stored<T extends ReadModel> {
    private final long position;
    private final T model;
    private volatile Set<FieldIndex.Entry> entries; // computed once; a race computes it twice

    Stored(long position, T model) {
      this.position = position;
      this.model = model;
    }

    long position() {
      return position;
    }

    T model() {
      return model;
    }

    Set<FieldIndex.Entry> entries(FieldIndex index, ObjectMapper mapper) {
      Set<FieldIndex.Entry> computed = entries;
      if (computed == null) {
        JsonNode tree = mapper.valueToTree(model); // the save wrote it, so it can be written
        computed = index.entriesOf(tree);
        entries = computed;
      }
      return computed;
    }
  }
}
