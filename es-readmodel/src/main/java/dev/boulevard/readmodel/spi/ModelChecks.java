package dev.boulevard.readmodel.spi;

import dev.boulevard.readmodel.ReadModel;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the arguments of read-model storages and repositories, so that every implementation
 * refuses alike.
 */
public final class ModelChecks {

  /** The longest id a model can be stored under. */
  public static final int MAX_ID_LENGTH = 255;

  /** The suffix of a read model's index table, which no read model's name may end in. */
  public static final String FIELDS_SUFFIX = "_fields";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

  private ModelChecks() {}

  /**
   * Checks the name of a read model, which must also be valid as a table name and not clash with
   * the index table {@code <name>_fields} of another read model.
   *
   * @param name the name
   * @return the name, unchanged
   * @throws IllegalArgumentException if it is null, not 1 to 40 letters, digits or underscores
   *     starting with a letter or underscore, or ends in {@value #FIELDS_SUFFIX} in any case
   */
  public static String requireName(String name) {
    requireTableName(name, "A read model's name");
    if (name.toLowerCase(Locale.ROOT).endsWith(FIELDS_SUFFIX)) {
      throw new IllegalArgumentException(
          "A read model's name cannot end in '"
              + FIELDS_SUFFIX
              + "', which would name the index table of another read model; got '"
              + name
              + "'");
    }
    return name;
  }

  /**
   * Checks the name of a projection store or outbox, which every storage accepts alike so that
   * settings that work in memory work on a database too: a table name there.
   *
   * @param name the name
   * @return the name, unchanged
   * @throws IllegalArgumentException if it is null, or not 1 to 40 letters, digits or underscores
   *     starting with a letter or underscore
   */
  public static String requireStoreName(String name) {
    return requireTableName(name, "The name of a projection store or outbox");
  }

  private static String requireTableName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " is a table name: 1 to 40 letters, digits or underscores, not starting with a"
              + " digit; got '"
              + name
              + "'");
    }
    return name;
  }

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
