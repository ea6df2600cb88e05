package dev.boulevard.readmodel.contract;

import dev.boulevard.readmodel.ReadModel;
import java.util.List;
import java.util.UUID;

/**
 * The read model the contract suite stores: a field of each kind that {@code findBy} compares, and
 * one nested object that it does not.
 *
 * @param id the id
 * @param name a string, which may hold any Unicode character
 * @param age an integer
 * @param score a floating-point number
 * @param tags strings, each of which {@code findBy} can find
 * @param active a boolean
 * @param nickname a string that is often null
 * @param level an enum
 * @param ref a UUID
 * @param address a nested object
 */
public record ContractModel(
    String id,
    String name,
    int age,
    double score,
    List<String> tags,
    boolean active,
    String nickname,
    ContractLevel level,
    UUID ref,
    ContractAddress address)
    implements ReadModel {

  /** The UUID of every model that a test does not give one of its own. */
  public static final UUID REF = UUID.fromString("6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b");

  /**
   * Creates a model with the other fields at their defaults.
   *
   * @param id the id
   * @param name the name
   * @return the model, aged 30, scoring 1.5, without tags, active, without a nickname, at bronze
   *     level, with {@link #REF} and an address in Lisbon
   */
  public static ContractModel of(String id, String name) {
    return new ContractModel(
        id,
        name,
        30,
        1.5,
        List.of(),
        true,
        null,
        ContractLevel.BRONZE,
        REF,
        new ContractAddress("Lisbon"));
  }

  /** {@return a copy with another name} */
  public ContractModel withName(String name) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }

  /** {@return a copy with another age} */
  public ContractModel withAge(int age) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }

  /** {@return a copy with another score} */
  public ContractModel withScore(double score) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }

  /** {@return a copy with other tags} */
  public ContractModel withTags(String... tags) {
    return new ContractModel(
        id, name, age, score, List.of(tags), active, nickname, level, ref, address);
  }

  /** {@return a copy that is active or not} */
  public ContractModel withActive(boolean active) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }

  /** {@return a copy with another nickname, or none if null} */
  public ContractModel withNickname(String nickname) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }

  /** {@return a copy at another level} */
  public ContractModel withLevel(ContractLevel level) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }

  /** {@return a copy with another UUID} */
  public ContractModel withRef(UUID ref) {
    return new ContractModel(id, name, age, score, tags, active, nickname, level, ref, address);
  }
}
