package dev.boulevard.readmodel.contract;

/** A level of the contract suite's model, stored as its name to show that enums can be found. */
public enum ContractLevel {
  /** The lowest level. */
  BRONZE,
  /** The middle level. */
  SILVER,
  /** The highest level. */
  GOLD
}
