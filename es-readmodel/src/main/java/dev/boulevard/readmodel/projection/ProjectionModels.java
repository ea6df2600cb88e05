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
 */
public final class ProjectionModels {

  private final String projection;
  private final Map<String, Class<? extends ReadModel>> declared;
  private final ReadModelStorage storage;
  private final int generation;

  ProjectionModels(TrackingProjection projection, ReadModelStorage storage, int generation) {
    this.projection = projection.name();
    this.declared = projection.readModels();
    this.storage = storage;
    this.generation = generation;
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
    return storage.repository(storedName(name, generation), type);
  }

  static String storedName(String model, int generation) {
    return model + "_" + generation;
  }
}
