package dev.boulevard.readmodel.internal;

import dev.boulevard.readmodel.ReadModel;
import java.util.Objects;

/** Checks the arguments of read-model repositories, so that every implementation refuses alike. */
public final class ModelChecks {

  /** The longest id a model can be stored under. */
  public static final int MAX_ID_LENGTH = 255;

  private ModelChecks() {}

  /**
   * Checks a model before it is saved.
   *
   * @param model the model
   * @return its id
   * @throws NullPointerException if the model is null
   * @throws IllegalArgumentException if its id is null, empty or longer than {@value
   *     #MAX_ID_LENGTH} characters
   */
  public static String requireSavable(ReadModel model) {
    Objects.requireNonNull(model, "save needs a model, but got null");
    String id = model.id();
    if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "A read model's id is 1 to "
              + MAX_ID_LENGTH
              + " characters long, but "
              + model.getClass().getSimpleName()
              + " has "
              + (id == null ? "a null id" : "an id of " + id.length() + ": '" + cut(id) + "'"));
    }
    return id;
  }

  /**
   * Checks an id to find or remove.
   *
   * @param id the id
   * @return the id
   * @throws NullPointerException if the id is null
   */
  public static String requireId(String id) {
    return Objects.requireNonNull(id, "a read model's id is needed, but got null");
  }

  private static String cut(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "..." : id;
  }
}
