package dev.boulevard.readmodel.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.internal.FieldIndex;
import dev.boulevard.readmodel.internal.ModelChecks;
import dev.boulevard.serializer.jackson.JacksonSerializer;
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
 * must be immutable, and records are ideal. A save writes the model as a JSON tree with the mapper,
 * so that a model Jackson cannot write is refused at its save, as the JDBC store refuses it, and
 * keeps the tree next to the model: the fields that {@link #findBy} compares, as the JDBC store
 * does, are computed from it at the first {@code findBy} that needs them.
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
   * JacksonSerializer#defaultObjectMapper() default mapper} writes them.
   *
   * @param <T> the model's type
   * @return the repository
   */
  public static <T extends ReadModel> InMemoryReadModelRepository<T> create() {
    return create(JacksonSerializer.defaultObjectMapper());
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
    JsonNode tree;
    try {
      tree = mapper.valueToTree(model);
    } catch (IllegalArgumentException e) {
      throw new ReadModelException("Cannot write model '" + id + "' as JSON", e);
    }
    models.compute(
        id,
        (key, old) ->
            new Stored<>(old == null ? saves.incrementAndGet() : old.position, model, tree));
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
        .filter(stored -> stored.entries(index).containsAll(clauses))
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

  /** A stored model, its first-saved position, its JSON tree and, once computed, its entries. */
  private static final class Stored<T extends ReadModel> {
    private final long position;
    private final T model;
    private final JsonNode tree;
    private volatile Set<FieldIndex.Entry> entries; // computed once; a race computes it twice

    Stored(long position, T model, JsonNode tree) {
      this.position = position;
      this.model = model;
      this.tree = tree;
    }

    long position() {
      return position;
    }

    T model() {
      return model;
    }

    Set<FieldIndex.Entry> entries(FieldIndex index) {
      Set<FieldIndex.Entry> computed = entries;
      if (computed == null) {
        computed = index.entriesOf(tree);
        entries = computed;
      }
      return computed;
    }
  }
}
