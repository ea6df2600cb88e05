package dev.boulevard.benchmarks;

import dev.boulevard.readmodel.ReadModel;

/**
 * The read model the replay benchmarks project: an account's total and how many deposits made it.
 *
 * @param id the account's id
 * @param total the sum of its deposits
 * @param deposits how many deposits it took in
 */
public record Balance(String id, long total, long deposits) implements ReadModel {

  /** {@return this balance with one more deposit} */
  Balance plus(long amount) {
    return new Balance(id, total + amount, deposits + 1);
  }
}
