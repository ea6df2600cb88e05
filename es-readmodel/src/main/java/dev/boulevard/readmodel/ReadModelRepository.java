package dev.boulevard.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the documents of one read model, a cache of the events that can be dropped and rebuilt.
 *
 * <p>Implementations are thread-safe. Lists come in the order the models were first saved.
 *
 * @param <T> the model's type
 */
public interface ReadModelRepository<T extends ReadModel> {

  /**
   * Stores a model, replacing the one stored under its id.
   *
   * @param model the model
   * @throws IllegalArgumentException if its id is null, empty or longer than 255 characters, and
   *     nothing is stored
   * @throws ReadModelException if the model cannot be written as JSON or the storage fails
   */
  void save(T model);

  /**
   * Finds the model stored under an id.
   *
   * @param id the id
   * @return the model, or empty if none is stored under the id
   */
  Optional<T> find(String id);

  /**
   * Finds the models whose top-level JSON fields equal the given values, every clause matching.
   *
   * <p>A field that holds an array matches when one of its elements equals the value. Values are
   * strings, numbers (compared by value: {@code 5} equals {@code 5.0}), booleans, {@code null}
   * (matching a field that is present and null), or anything Jackson writes as one of those, such
   * as an enum or a UUID. No clauses find nothing.
   *
   * @param fields the field names and the values they must equal
   * @return the matching models
   * @throws IllegalArgumentException if a value would be written as a JSON object or array
   */
  List<T> findBy(Map<String, ?> fields);

  /**
   * Finds the models whose top-level JSON field equals a value, as {@link #findBy(Map)} does.
   *
   * @param field the field's name
   * @param value the value it must equal, or that an array field must contain
   * @return the matching models
   */
  default List<T> findBy(String field, Object value) {
    var clause = new java.util.HashMap<String, Object>();
    clause.put(field, value);
    return findBy(clause);
  }

  /** {@return every stored model} */
  List<T> findAll();

  /**
   * Removes the model stored under an id; removing one that is not stored does nothing.
   *
   * @param id the id
   */
  void remove(String id);

  /**
   * Saves every model of this repository into another one, which keeps any models it already has.
   *
   * @param other the repository to copy into
   */
  default void transferTo(ReadModelRepository<T> other) {
    findAll().forEach(other::save);
  }
}
