package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModel;

/**
 * A reliability test's read model: how many deposits a projection counted under one key, and the
 * sum of their amounts, which are unique, so that a missed event and a repeated one cannot cancel.
 */
record Tally(String id, long count, long sum) implements ReadModel {

  static Tally empty(String id) {
    return new Tally(id, 0, 0);
  }

  Tally plus(long amount) {
    return new Tally(id, count + 1, sum + amount);
  }
}
