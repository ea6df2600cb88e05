package dev.boulevard.readmodel;

/**
 * A document of a read model, stored and found by its id.
 *
 * <p>A record with an {@code id} component implements this interface by itself. Read models are
 * stored as JSON (Jackson), so their fields are what Jackson writes; {@link
 * ReadModelRepository#findBy} compares those top-level JSON fields.
 */
public interface ReadModel {

  /** {@return the id the model is stored under: 1 to 255 characters} */
  String id();
}
