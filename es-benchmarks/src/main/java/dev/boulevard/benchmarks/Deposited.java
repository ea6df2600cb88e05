package dev.boulevard.benchmarks;

/**
 * The event the benchmarks store.
 *
 * @param account the account's id
 * @param amount how much was deposited
 */
public record Deposited(String account, long amount) {}
