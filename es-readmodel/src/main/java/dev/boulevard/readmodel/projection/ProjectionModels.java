package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import java.util.Map;

/**
 * The read models of one generation of a projection, as its projector factory receives them.
 *
 * <p>Generation {@code g} of read model {@code m} is stored under the name {@code m_g}, so that a
 * rebuild writes new read models while the old ones keep serving queries.
 *
 * <p>On transactional storage, the repositories cache what a batch finds and saves, and write each
 * changed model once, before the batch's checkpoint, in the batch's transaction: a model found in a
 * batch is the same instance for the rest of it, so save what you change.
 */
public final class ProjectionModels {

  private final String projection;
  private final Map<String, Class<? extends ReadModel>> declared;
  private final ReadModelStorage storage;
  private final int generation;
  private final BatchCache cache; // null when batches are not cached

  ProjectionModels(
      TrackingProjection projection, ReadModelStorage storage, int generation, BatchCache cache) {
    this.projection = projection.name();
    this.declared = projection.readModels();
    this.storage = storage;
    this.generation = generation;
    this.cache = cache;
  }

  /**
   * Returns the repository of one of the projection's read models, in this generation.
   *
   * @param name the read model's declared name
   * @param type the class of its documents, as declared
   * @param <T> the documents' type
   * @return the repository
   * @throws IllegalArgumentException if the projection declares no read model of that name and
   *     class
   */
  public <T extends ReadModel> ReadModelRepository<T> repository(String name, Class<T> type) {
    if (declared.get(name) != type) {
      throw new IllegalArgumentException(
          "Projection "
              + projection
              + " declares no read model "
              + name
              + " of "
              + type.getName()
              + "; it declares "
              + declared);
    }
    String stored = storedName(name, generation);
    ReadModelRepository<T> repository = storage.repository(stored, type);
    return cache == null ? repository : cache.wrap(stored, repository);
  }

  static String storedName(String model, int generation) {
    return model + "_" + generation;
  }
}
