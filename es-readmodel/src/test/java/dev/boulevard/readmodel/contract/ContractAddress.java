package dev.boulevard.readmodel.contract;

/**
 * A nested object of the contract suite's model, stored but never indexed.
 *
 * @param city the city
 */
public record ContractAddress(String city) {}
